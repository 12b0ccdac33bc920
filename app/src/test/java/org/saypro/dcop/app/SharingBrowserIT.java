package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saypro.dcop.app.browser.HeadlessChromium;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.baking.Baking;
import org.saypro.dcop.sharing.baking.PngBaker;
import org.saypro.dcop.sharing.qr.QrDecoding;
import org.saypro.dcop.sharing.qr.ZxingQrDecoder;

/**
 * What a learner and an employer do, in a real headless Chromium: open a credential's page and read the result,
 * download its PDF and scan the QR code printed on it, verify a baked badge on the verify page and see which check a
 * tampered one fails; every public page is readable at 320 px, works without JavaScript, and has no axe violations.
 */
class SharingBrowserIT {

  private static final String PASSWORD = "a long enough password";

  @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();
  @RegisterExtension static final HeadlessChromium noScript = HeadlessChromium.withoutJavaScript();
  @TempDir static Path dataDir;
  @TempDir static Path files;
  static TestServer server;
  static String uuid;
  static String framework;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    assertEquals(201, server.postJson("/organisations/saypro/qualifications", Json.writeString(Json.newObject()
        .put("code", "ECD-5").put("title", "Higher Certificate in Early Childhood Development")
        .put("description", "A year-long programme for early childhood development practitioners.")
        .put("criteria", "Complete all modules and a supervised practicum of 240 hours.")
        .put("achievementType", "Certificate"))).statusCode());
    HttpResponse<String> awarded = server.postJson("/organisations/saypro/qualifications/ECD-5/awards",
        "{\"learner\": {\"did\": \"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\","
            + " \"name\": \"Thandiwe Nomvula Mokoena-Dlamini\"}}");
    assertEquals(201, awarded.statusCode(), awarded.body());
    String location = awarded.headers().firstValue("Location").orElseThrow();
    uuid = location.substring(location.lastIndexOf('/') + 1);
    assertEquals(201, server.postJson("/users", Json.writeString(Json.newObject().put("email", "thandi@test.example")
        .put("displayName", "Thandi").put("password", PASSWORD))).statusCode());
    // Community entries, so the flag queue and the channel directory are checked with content rather than empty.
    HttpResponse<String> thread = server.postJson("/community/forums/categories/general/threads",
        "{\"title\": \"A flagged thread\", \"body\": \"An opening post that someone flagged.\"}");
    assertEquals(201, thread.statusCode(), thread.body());
    String post = TestServer.json(thread).get("posts").get(0).get("id").asText();
    assertEquals(201, server.postJson("/community/forums/posts/" + post + "/flags", "{\"reason\": \"Off topic\"}")
        .statusCode());
    assertEquals(201, server.postJson("/community/channels", "{\"kind\": \"task-force\", \"name\":"
        + " \"Open task force\", \"private\": false}").statusCode());
    framework = ImpactFixtures.framework(server, "BRW", 6, "Learners placed in work");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theCredentialPageGivesTheResult() {
    browser.open(server.uri("/c/" + uuid));
    assertEquals("Higher Certificate in Early Childhood Development", browser.text("h1"));
    assertEquals("Verified", browser.text("#result"));
    String checks = browser.text(".checks");
    assertTrue(checks.contains("Is the signature valid, so nothing was changed since it was signed?\nYes"), checks);
    assertTrue(browser.text("main").contains("Awarded to Thandiwe Nomvula Mokoena-Dlamini"));
  }

  @Test
  void theDownloadedCertificateCarriesAQrCodeOfThePage() throws Exception {
    browser.open(server.uri("/c/" + uuid));
    Path pdf = browser.download("a[href$='/certificate.pdf']");
    try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(page, "png", png);
      QrDecoding decoded = new ZxingQrDecoder().decode(png.toByteArray());
      assertEquals(server.uri("/c/" + uuid).toString(), assertInstanceOf(QrDecoding.Found.class, decoded).text());
    }
  }

  @Test
  void aBakedBadgeVerifiesAndATamperedOneShowsWhichCheckFailed() throws Exception {
    browser.open(server.uri("/c/" + uuid));
    Path badge = browser.download("a[href$='/badge.png']");
    browser.open(server.uri("/verify"));
    browser.upload("#file", badge);
    browser.submit("form button[type=submit]");
    assertEquals("Verified", browser.text("#result"));

    String jwt = ((org.saypro.dcop.sharing.baking.Unbaked.Found) PngBaker.unbake(Files.readAllBytes(badge)))
        .credential().text();
    String[] parts = jwt.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("Thandiwe", "Thabo");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    Path tampered = files.resolve("tampered.png");
    Files.write(tampered, ((Baking.Baked) PngBaker.bake(Files.readAllBytes(badge), new CredentialText.Jws(forged)))
        .bytes());
    browser.open(server.uri("/verify"));
    browser.upload("#file", tampered);
    browser.submit("form button[type=submit]");
    assertEquals("Not verified", browser.text("#result"));
    String checks = browser.text(".checks");
    assertTrue(checks.contains("Is the signature valid, so nothing was changed since it was signed?\nNo"), checks);
  }

  @Test
  void pagesWorkWithoutJavaScript() {
    noScript.open(server.uri("/c/" + uuid));
    assertEquals("Verified", noScript.text("#result"));
    noScript.open(server.uri("/verify"));
    noScript.fill("#credential", server.uri("/c/" + uuid).toString());
    noScript.submit("form button[type=submit]");
    assertEquals("Verified", noScript.text("#result"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/c/{uuid}", "/verify", "/signin", "/verify?credential=not-a-credential"})
  void publicPagesAreAccessibleAndFitAPhone(String path) {
    browser.viewportWidth(320);
    browser.open(server.uri(path.replace("{uuid}", uuid)));
    browser.assertNoHorizontalScroll();
    browser.viewportWidth(0);
    browser.assertNoAccessibilityViolations();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/my/credentials", "/console", "/console/saypro", "/console/saypro/credentials",
      "/console/saypro/qualifications/ECD-5/award", "/console/saypro/qualifications/ECD-5/bulk",
      "/console/saypro/audit", "/console/saypro/badge-rules", "/my/badges", "/groups", "/groups/curriculum-innovation",
      "/webinars", "/forums", "/forums/flags", "/channels", "/library", "/my/privacy", "/impact",
      "/impact/frameworks/{framework}", "/impact/frameworks/{framework}/enter", "/impact/frameworks/{framework}/import",
      "/impact/frameworks/{framework}/history?indicator=BRW-0&period=2025Q4&orgUnit=za"})
  void signedInPagesAreAccessibleAndFitAPhone(String path) {
    signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.viewportWidth(320);
    browser.open(server.uri(path.replace("{framework}", framework)));
    browser.assertNoHorizontalScroll();
    browser.viewportWidth(0);
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void theImpactDashboardWorksWithoutJavaScriptAndItsEntryErrorsAreAccessible() {
    noScript.open(server.uri("/signin"));
    noScript.fill("#username", TestServer.ADMIN_EMAIL);
    noScript.fill("#password", TestServer.ADMIN_PASSWORD);
    noScript.submit("form button[type=submit]");
    noScript.open(server.uri("/impact/frameworks/" + framework));
    assertTrue(noScript.text("main").contains("Learners placed in work"), noScript.text("main"));
    noScript.fill("#category", "college_lecturer");
    noScript.submit("main form[method=get] button[type=submit]");
    assertTrue(noScript.text("main").contains("category college_lecturer"), noScript.text("main"));

    signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.open(server.uri("/impact/frameworks/" + framework + "/enter"));
    browser.fill("#period", "2025Q9");
    browser.fill("#value", "many");
    browser.submit("main form[method=post] button[type=submit]");
    assertTrue(browser.text("main").contains("a period such as 2026"), browser.text("main"));
    browser.viewportWidth(320);
    browser.assertNoHorizontalScroll();
    browser.viewportWidth(0);
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void aBulkUploadReportIsAccessible() throws Exception {
    signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    Path csv = files.resolve("cohort.csv");
    Files.writeString(csv, "email,name\nsipho@example.org,Sipho\nnot-an-email,Bad\n");
    browser.open(server.uri("/console/saypro/qualifications/ECD-5/bulk"));
    browser.upload("#file", csv);
    browser.submit("form[enctype] button[type=submit]");
    assertTrue(browser.text("main").contains("not an email address"), browser.text("main"));
    browser.assertNoAccessibilityViolations();
  }

  private static void signIn(String email, String password) {
    browser.open(server.uri("/signin"));
    browser.fill("#username", email);
    browser.fill("#password", password);
    browser.submit("form button[type=submit]");
  }
}
