package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.baking.PngBaker;
import org.saypro.dcop.sharing.baking.Unbaked;
import org.saypro.dcop.sharing.pdf.CertificatePdf;
import org.saypro.dcop.sharing.qr.QrDecoding;
import org.saypro.dcop.sharing.qr.ZxingQrDecoder;

/**
 * The public credential page and its downloads, and the verify page, over HTTP: QR codes decode to the page, the PDF
 * carries the credential and its state, a baked badge verifies and a tampered one does not, the offline QR text
 * verifies, credential content is escaped, and the holder's choice of visibility is honoured.
 */
class SharingPagesIT {

  private static final String PASSWORD = "a long enough password";
  private static final String HOSTILE_NAME = "<script>alert('x')</script>Thandi";

  @TempDir static Path dataDir;
  static TestServer server;
  static String uuid;
  static String jwt;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, TestServer.freePort(), Map.of("dcop.sharing.count-interval", "200ms"));
    assertEquals(201, server.postJson("/organisations/saypro/qualifications", Json.writeString(Json.newObject()
        .put("code", "ECD-5").put("title", "Higher Certificate in <b>Early</b> Childhood Development")
        .put("description", "A year-long programme.").put("criteria", "Complete all modules.")
        .put("achievementType", "Certificate"))).statusCode());
    uuid = award("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", HOSTILE_NAME);
    jwt = server.anonymous().get("/credentials/" + uuid, "application/vc+jwt").body();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theCredentialPageShowsTheResultCheckByCheckAndEscapesTheCredential() {
    HttpResponse<String> page = server.anonymous().get("/c/" + uuid, "text/html");
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains(">Verified<"), html);
    assertTrue(html.contains("Is the signature valid"), html);
    assertTrue(html.contains("Is it still in force"), html);
    assertFalse(html.contains("<script>alert"), "credential content is never markup");
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;Thandi"), html);
    assertTrue(html.contains("Higher Certificate in &lt;b&gt;Early&lt;/b&gt;"), html);
    assertFalse(html.contains("<script"), "the page carries no script at all");
    byte[] qr = bytes("/c/" + uuid + "/qr.svg");
    System.out.printf("credential page: %d bytes of HTML + %d bytes of QR SVG%n",
        html.getBytes(StandardCharsets.UTF_8).length, qr.length);
    assertTrue(html.getBytes(StandardCharsets.UTF_8).length + qr.length < 60 * 1024, "under 60 KB with its QR");
  }

  @Test
  void theQrCodeLeadsToThePage() {
    QrDecoding decoded = new ZxingQrDecoder().decode(bytes("/c/" + uuid + "/qr.png"));
    assertEquals(server.uri("/c/" + uuid).toString(), assertInstanceOf(QrDecoding.Found.class, decoded).text());
  }

  @Test
  void theCertificateCarriesTheCredentialTheQrCodeAndItsState() throws Exception {
    byte[] pdf = bytes("/c/" + uuid + "/certificate.pdf");
    assertEquals(Optional.of(jwt), CertificatePdf.extractCredential(pdf).map(CredentialText::text));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.contains(server.uri("/c/" + uuid).toString()), text);
      assertFalse(text.contains("REVOKED"), text);
    }
    String revoked = award("did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH", "Sipho");
    assertEquals(200, server.postJson("/credentials/" + revoked + "/status",
        "{\"action\": \"revoke\", \"reason\": \"issued in error\"}").statusCode());
    try (PDDocument document = Loader.loadPDF(bytes("/c/" + revoked + "/certificate.pdf"))) {
      assertTrue(new PDFTextStripper().getText(document).contains("REVOKED"));
    }
    assertTrue(server.anonymous().get("/c/" + revoked, "text/html").body().contains(">Not verified<"));
  }

  @Test
  void aBakedBadgeVerifiesOnTheVerifyPageAndATamperedOneSaysWhichCheckFailed() {
    byte[] badge = bytes("/c/" + uuid + "/badge.png");
    assertEquals(jwt, assertInstanceOf(Unbaked.Found.class, PngBaker.unbake(badge)).credential().text());
    HttpResponse<String> verified = upload(badge, "badge.png", "image/png");
    assertEquals(200, verified.statusCode(), verified.body());
    assertTrue(verified.body().contains(">Verified<"), verified.body());
    assertTrue(verified.body().contains("a baked PNG badge"));

    String[] parts = jwt.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("Thandi", "Thabo");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    byte[] tampered = ((org.saypro.dcop.sharing.baking.Baking.Baked) PngBaker.bake(badge,
        new CredentialText.Jws(forged))).bytes();
    HttpResponse<String> refused = upload(tampered, "badge.png", "image/png");
    assertTrue(refused.body().contains(">Not verified<"), refused.body());
    assertTrue(refused.body().matches("(?s).*Is the signature valid.*?<strong[^>]*>No</strong>.*"), refused.body());
  }

  @Test
  void theOfflineQrCodeCarriesAVerifiableCredential() {
    QrDecoding decoded = new ZxingQrDecoder().decode(bytes("/c/" + uuid + "/offline-qr.png"));
    String text = assertInstanceOf(QrDecoding.Found.class, decoded).text();
    assertTrue(text.startsWith("DCOP1:"), text);
    HttpResponse<String> verified = server.anonymous().get("/verify?credential="
        + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8), "text/html");
    assertTrue(verified.body().contains(">Verified<"), verified.body());
    assertTrue(verified.body().contains("offline form"), verified.body());
  }

  @Test
  void badUploadsGetAClearAnswer() {
    HttpResponse<String> exe = upload("MZ\u0090\u0000 not a picture".getBytes(StandardCharsets.ISO_8859_1), "x.exe",
        "application/octet-stream");
    assertEquals(400, exe.statusCode());
    assertTrue(exe.body().contains("This kind of file is not read here"), exe.body());
    HttpResponse<String> link = server.anonymous().get("/verify?credential="
        + java.net.URLEncoder.encode("https://evil.example/c/x", StandardCharsets.UTF_8), "text/html");
    assertEquals(400, link.statusCode());
    assertTrue(link.body().contains("Only links to credential pages of this service"), link.body());
  }

  @Test
  void theHolderChoosesWhatThePageShowsAndSeesTheCounts() throws Exception {
    String mine = award("did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf", "Naledi");
    assertEquals(201, server.postJson("/users", Json.writeString(Json.newObject().put("email", "naledi@test.example")
        .put("displayName", "Naledi").put("password", PASSWORD))).statusCode());
    try (Connection sql = server.sql()) {
      sql.createStatement().executeUpdate("insert into credential_holder (credential_uuid, user_id) select '" + mine
          + "', id from app_user where email = 'naledi@test.example'");
    }
    PageSession naledi = PageSession.signIn(server, "naledi@test.example", PASSWORD);
    server.anonymous().get("/c/" + mine, "text/html");
    upload(bytes("/c/" + mine + "/badge.png"), "badge.png", "image/png");
    String counted = "viewed <span>1</span> time(s), verified\n      <span>1</span>";
    String list = naledi.get("/my/credentials").body();
    // counts reach the database every 200 ms in this test
    for (int wait = 0; wait < 50 && !list.contains(counted); wait++) {
      Thread.sleep(100);
      list = naledi.get("/my/credentials").body();
    }
    assertTrue(list.contains(counted), list);

    String action = "/my/credentials/" + mine + "/visibility";
    String token = naledi.formToken("/my/credentials");
    assertEquals(403, PageSession.signIn(server, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)
        .postForm(action, Map.of("csrf", token, "visibility", "hidden")).statusCode(), "only the holder");
    assertEquals(200, naledi.postForm(action, Map.of("csrf", token, "visibility", "exists-only")).statusCode());
    String limited = server.anonymous().get("/c/" + mine, "text/html").body();
    assertTrue(limited.contains(">Verified<"), limited);
    assertFalse(limited.contains("Naledi"), "the details stay private");
    assertEquals(404, server.anonymous().get("/c/" + mine + "/certificate.pdf", "application/pdf").statusCode());
    assertEquals(200, naledi.postForm(action, Map.of("csrf", token, "visibility", "hidden")).statusCode());
    assertEquals(404, server.anonymous().get("/c/" + mine, "text/html").statusCode());
  }

  private static String award(String did, String name) {
    HttpResponse<String> awarded = server.postJson("/organisations/saypro/qualifications/ECD-5/awards",
        Json.writeString(Json.newObject().set("learner", Json.newObject().put("did", did).put("name", name))));
    assertEquals(201, awarded.statusCode(), awarded.body());
    String location = awarded.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), path);
      return response.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static HttpResponse<String> upload(byte[] file, String name, String type) {
    return PageSession.visitor(server).postFile("/verify", Map.of(), name, type, file);
  }
}
