package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.verify.Checks;

/**
 * Organisations as issuers on one server: each enabled organisation has its own did:web DID, document, keys and
 * status lists; its keys rotate without breaking what they signed, and a revoked key fails what it signed.
 */
class OrganisationIssuersIT {

  @TempDir static Path dataDir;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anEnabledOrganisationHasItsOwnDidDocumentAndEnablingTwiceChangesNothing() {
    createOrganisation("acme-college", "Acme College");
    JsonNode first = enable("acme-college");
    String did = "did:web:localhost%3A" + server.port + ":issuers:acme-college";
    assertEquals(did, first.path("did").asText(), first.toString());
    assertEquals(server.uri("/issuers/acme-college/did.json").toString(), first.path("didDocument").asText());
    assertEquals(2, first.path("keys").size(), first.toString());
    JsonNode second = enable("acme-college");
    assertEquals(first.path("keys"), second.path("keys"), "enabling twice is idempotent");

    HttpResponse<String> response = server.get("/issuers/acme-college/did.json", "application/json");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode document = TestServer.json(response);
    assertEquals(did, document.path("id").asText());
    assertEquals(4, document.path("verificationMethod").size(), "JsonWebKey and Multikey of each key: " + document);
    assertEquals(4, document.path("assertionMethod").size());
    for (JsonNode method : first.path("keys")) {
      assertTrue(document.toString().contains(method.path("verificationMethod").asText()), document.toString());
    }
    // the service's own document is untouched
    JsonNode service = TestServer.json(server.get("/.well-known/did.json", "application/json"));
    assertEquals(server.issuerDid(), service.path("id").asText());
  }

  @Test
  void aCredentialIssuedAsAnOrganisationVerifiesAndItsRevocationIsPublishedInTheOrganisationsList() {
    createOrganisation("org-b", "Organisation B");
    String did = enable("org-b").path("did").asText();
    String path = issue(requestAs("{\"id\": \"" + did + "\", \"name\": \"Organisation B\"}", "Learner B", "{}"));
    JsonNode credential = jwtPayload(path);
    assertEquals(did, credential.path("issuer").path("id").asText());
    String listUrl = credential.path("credentialStatus").path(0).path("statusListCredential").asText();
    assertTrue(listUrl.startsWith(server.uri("/issuers/org-b/status/revocation-").toString()), listUrl);

    JsonNode before = verify(path);
    assertTrue(before.path("verified").asBoolean() || "passed".equals(TestServer.status(before, Checks.STATUS)),
        before.toString());
    assertEquals("passed", TestServer.status(before, Checks.SIGNATURE), before.toString());
    assertEquals("passed", TestServer.status(before, Checks.ISSUER), before.toString());
    assertEquals("passed", TestServer.status(before, Checks.STATUS), before.toString());

    HttpResponse<String> list = server.get(listUrl.substring(listUrl.indexOf("/issuers/")), "application/vc+jwt");
    assertEquals(200, list.statusCode(), list.body());
    assertEquals(did, payload(list.body()).path("issuer").asText(), "the list is signed by the organisation's DID");

    HttpResponse<String> revoked = server.postJson(path + "/status",
        "{\"action\": \"revoke\", \"reason\": \"issued in error\"}");
    assertEquals(200, revoked.statusCode(), revoked.body());
    JsonNode after = verify(path);
    assertFalse(after.path("verified").asBoolean(), after.toString());
    assertEquals("failed", TestServer.status(after, Checks.STATUS), after.toString());
    assertEquals("passed", TestServer.status(after, Checks.ISSUER), after.toString());
  }

  @Test
  void afterARotationOldAndNewCredentialsBothVerifyAndTheDocumentListsBothKeys() {
    createOrganisation("rotating", "Rotating Funder");
    String did = enable("rotating").path("did").asText();
    String before = issue(requestAs("\"" + did + "\"", "Before rotation", "{}"));
    String beforeDi = issue(requestAs("\"" + did + "\"", "Before rotation (DI)",
        "{\"cryptosuite\": \"eddsa-rdfc-2022\"}"));

    HttpResponse<String> rotated = server.postJson("/organisations/rotating/keys/rotate", "");
    assertEquals(200, rotated.statusCode(), rotated.body());
    JsonNode keys = TestServer.json(rotated).path("keys");
    assertEquals(4, keys.size(), keys.toString());
    assertEquals(List.of("active", "active", "retired", "retired"), states(keys));
    assertEquals(1, auditEvents("rotating", "key.rotated"), "the rotation is in the audit log");
    assertEquals(1, auditEvents("rotating", "issuing.enabled"));

    String after = issue(requestAs("\"" + did + "\"", "After rotation", "{}"));
    String oldKid = kid(before);
    String newKid = kid(after);
    assertNotEquals(oldKid, newKid);
    assertTrue(newKid.startsWith(did + "#"), newKid);
    for (String path : List.of(before, beforeDi, after)) {
      JsonNode report = verify(path);
      assertEquals("passed", TestServer.status(report, Checks.SIGNATURE), report.toString());
      assertEquals("passed", TestServer.status(report, Checks.ISSUER), report.toString());
      assertEquals("passed", TestServer.status(report, Checks.STATUS), report.toString());
    }
    JsonNode document = TestServer.json(server.get("/issuers/rotating/did.json", "application/json"));
    assertEquals(8, document.path("verificationMethod").size(), document.toString());
    assertTrue(document.path("assertionMethod").toString().contains("\"" + oldKid + "\""), document.toString());
    assertTrue(document.path("assertionMethod").toString().contains("\"" + newKid + "\""), document.toString());
  }

  @Test
  void sayProRotatesOnTheServiceDidAndItsOldCredentialsAndLogKeyStay() {
    String logKey = server.get("/log/verifier-key", "text/plain").body();
    String before = issue(server.issueRequest("Before SayPro's rotation"));
    HttpResponse<String> rotated = server.postJson("/organisations/saypro/keys/rotate", "");
    assertEquals(200, rotated.statusCode(), rotated.body());
    assertEquals(server.issuerDid(), TestServer.json(rotated).path("did").asText());
    String after = issue(server.issueRequest("After SayPro's rotation"));
    assertNotEquals(kid(before), kid(after));
    assertTrue(jwtPayload(after).path("credentialStatus").path(0).path("statusListCredential").asText()
        .startsWith(server.uri("/status/").toString()), "SayPro's lists keep their URLs");
    for (String path : List.of(before, after)) {
      JsonNode report = verify(path);
      assertEquals("passed", TestServer.status(report, Checks.ISSUER), report.toString());
      assertEquals("passed", TestServer.status(report, Checks.STATUS), report.toString());
    }
    JsonNode document = TestServer.json(server.get("/.well-known/did.json", "application/json"));
    assertTrue(document.path("assertionMethod").toString().contains("\"" + kid(before) + "\""), document.toString());
    assertEquals(logKey, server.get("/log/verifier-key", "text/plain").body(), "the log keeps its key");
  }

  @Test
  void aCredentialSignedByARevokedKeyFailsWithTheDateAndTheDocumentShowsRevoked() {
    createOrganisation("breached", "Breached Employer");
    String did = enable("breached").path("did").asText();
    String signed = issue(requestAs("\"" + did + "\"", "Signed by a stolen key", "{}"));
    String kid = kid(signed);
    assertEquals("passed", TestServer.status(verify(signed), Checks.ISSUER));

    String keyId = kid.substring(kid.indexOf('#') + 1);
    HttpResponse<String> revoked = server.postJson("/organisations/breached/keys/" + keyId + "/revoke",
        "{\"revoked\": \"2026-03-01T12:00:00Z\"}");
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertEquals(1, auditEvents("breached", "key.revoked"), "the revocation is in the audit log");

    JsonNode report = verify(signed);
    assertFalse(report.path("verified").asBoolean(), report.toString());
    assertEquals("failed", TestServer.status(report, Checks.ISSUER), report.toString());
    String detail = detail(report, Checks.ISSUER);
    assertTrue(detail.contains("revoked") && detail.contains("2026-03-01T12:00:00Z") && detail.contains(kid), detail);

    JsonNode document = TestServer.json(server.get("/issuers/breached/did.json", "application/json"));
    JsonNode method = methodById(document, kid);
    assertEquals("2026-03-01T12:00:00Z", method.path("revoked").asText(), document.toString());
    assertTrue(document.path("assertionMethod").toString().contains(kid), "still published: " + document);

    // a fresh key replaced the revoked one, and the organisation's lists were re-signed with it
    String fresh = issue(requestAs("\"" + did + "\"", "After the breach", "{}"));
    assertNotEquals(kid, kid(fresh));
    JsonNode freshReport = verify(fresh);
    assertEquals("passed", TestServer.status(freshReport, Checks.ISSUER), freshReport.toString());
    assertEquals("passed", TestServer.status(freshReport, Checks.STATUS), freshReport.toString());
  }

  @Test
  void theProfileIsJsonOrEscapedHtml() {
    createOrganisation("scripted", "Evil <script>alert(1)</script> & Co");
    enable("scripted");
    HttpResponse<String> json = server.get("/issuers/scripted", "application/json");
    assertEquals(200, json.statusCode(), json.body());
    JsonNode profile = TestServer.json(json);
    assertEquals("Evil <script>alert(1)</script> & Co", profile.path("name").asText());
    assertEquals("college", profile.path("kind").asText());
    assertTrue(profile.path("did").asText().endsWith(":issuers:scripted"), profile.toString());
    assertEquals(2, profile.path("keys").size());

    HttpResponse<String> html = server.get("/issuers/scripted", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertEquals(200, html.statusCode(), html.body());
    assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), html.headers().toString());
    assertFalse(html.body().contains("<script>"), html.body());
    assertTrue(html.body().contains("Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), html.body());
    assertTrue(html.body().contains(profile.path("did").asText()), html.body());

    JsonNode saypro = TestServer.json(server.get("/issuers/saypro", "application/json"));
    assertEquals(server.issuerDid(), saypro.path("did").asText(), saypro.toString());
  }

  @Test
  void badInputIsRefusedClearly() {
    assertProblem(server.get("/issuers/nobody", "application/json"), 404, "not-found");
    assertProblem(server.get("/issuers/Not_A_Slug", "application/json"), 404, "not-found");
    assertProblem(server.get("/issuers/nobody/did.json", "application/json"), 404, "not-found");
    assertProblem(server.postJson("/organisations/nobody/issuing", ""), 404, "not-found");
    assertProblem(server.postJson("/organisations/Not_A_Slug/issuing", ""), 404, "not-found");
    assertProblem(server.postJson("/organisations/nobody/keys/rotate", ""), 404, "not-found");

    createOrganisation("dormant", "Dormant Body");
    assertProblem(server.postJson("/organisations/dormant/keys/rotate", ""), 409, "not-an-issuer");
    assertProblem(server.get("/issuers/dormant/did.json", "application/json"), 404, "not-found");
    String dormantDid = "did:web:localhost%3A" + server.port + ":issuers:dormant";
    HttpResponse<String> refused = server.postJson("/credentials/issue", requestAs("\"" + dormantDid + "\"", "X", "{}"));
    assertProblem(refused, 400, "invalid-credential");
    assertTrue(refused.body().contains("enabled for issuing"), refused.body());

    enable("dormant");
    assertProblem(server.postJson("/organisations/dormant/keys/no-such-key/revoke", "{}"), 404, "not-found");
    assertProblem(server.postJson("/organisations/dormant/keys/x/revoke", "{\"revoked\": \"yesterday\"}"), 400,
        "invalid-request");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("https://dcop.saypro.org/problems/" + type, TestServer.json(response).path("type").asText(),
        response.body());
  }

  /** Audit events of this action for the organisation, as its admins would query them. */
  private static long auditEvents(String slug, String action) {
    JsonNode events = TestServer.json(server.get("/organisations/" + slug + "/audit", "application/json"));
    long count = 0;
    for (JsonNode event : events.path("events")) {
      if (event.path("action").asText().equals(action)) {
        count++;
      }
    }
    return count;
  }

  private static void createOrganisation(String slug, String name) {
    try (Connection sql = server.sql();
         PreparedStatement insert = sql.prepareStatement(
             "insert into organisation (id, slug, name, kind, description, website) values (gen_random_uuid(), ?, ?,"
                 + " 'college', 'A test organisation', 'https://example.org')")) {
      insert.setString(1, slug);
      insert.setString(2, name);
      insert.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode enable(String slug) {
    HttpResponse<String> response = server.postJson("/organisations/" + slug + "/issuing", "");
    assertEquals(200, response.statusCode(), response.body());
    return TestServer.json(response);
  }

  static String requestAs(String issuer, String subjectName, String options) {
    return """
        {"credential": {
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          "type": ["VerifiableCredential"],
          "issuer": %s,
          "validFrom": "2026-01-01T00:00:00Z",
          "credentialSubject": {"id": "did:example:learner-1", "name": "%s"}
        }, "options": %s}"""
        .formatted(issuer, subjectName, options);
  }

  private static String issue(String request) {
    HttpResponse<String> issued = server.postJson("/credentials/issue", request);
    assertEquals(201, issued.statusCode(), issued.body());
    String location = issued.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("/credentials/"));
  }

  private static JsonNode verify(String path) {
    JsonNode credential = TestServer.json(server.get(path, "application/json"));
    HttpResponse<String> response = server.postJson("/credentials/verify", TestServer.verifyRequest(credential));
    assertEquals(200, response.statusCode(), response.body());
    return TestServer.json(response);
  }

  private static String jwt(String path) {
    return TestServer.json(server.get(path, "application/json")).path("id").asText()
        .substring("data:application/vc+jwt,".length());
  }

  private static JsonNode jwtPayload(String path) {
    return payload(jwt(path));
  }

  private static JsonNode payload(String jwt) {
    return Json.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static String kid(String path) {
    String header = new String(Base64.getUrlDecoder().decode(jwt(path).split("\\.")[0]), StandardCharsets.UTF_8);
    return Json.parse(header).path("kid").asText();
  }

  private static List<String> states(JsonNode keys) {
    List<String> states = new ArrayList<>();
    keys.forEach(key -> states.add(key.path("state").asText()));
    return states;
  }

  private static JsonNode methodById(JsonNode document, String id) {
    for (JsonNode method : document.path("verificationMethod")) {
      if (method.path("id").asText().equals(id)) {
        return method;
      }
    }
    throw new AssertionError("no method " + id + " in " + document);
  }

  private static String detail(JsonNode report, String check) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("check").asText().equals(check)) {
        return c.get("detail").asText();
      }
    }
    throw new AssertionError("no check " + check + " in " + report);
  }

}
