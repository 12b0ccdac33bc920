package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;

/** Data Integrity issuing and verifying over HTTP, beside vc+jwt, against the real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataIntegrityIT {

  @TempDir static Path dataDir;
  private TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String request(String subject, String options) {
    return server.issueRequest(subject).replace("\"options\": {}", "\"options\": " + options);
  }

  private HttpResponse<String> issue(String body) {
    return server.postJson("/credentials/issue", body);
  }

  private JsonNode verify(JsonNode credential) {
    HttpResponse<String> response = server.postJson("/credentials/verify", TestServer.verifyRequest(credential));
    assertEquals(200, response.statusCode(), response.body());
    return TestServer.json(response);
  }

  @Test
  void bothCryptosuitesIssueCredentialsThatVerify() {
    for (String suite : new String[] {"eddsa-rdfc-2022", "ecdsa-rdfc-2019"}) {
      HttpResponse<String> issued = issue(request("Thandi", "{\"cryptosuite\": \"" + suite + "\"}"));
      assertEquals(201, issued.statusCode(), issued.body());
      JsonNode credential = TestServer.json(issued).get("verifiableCredential");
      JsonNode proof = credential.get("proof");
      assertEquals("DataIntegrityProof", proof.get("type").asText());
      assertEquals(suite, proof.get("cryptosuite").asText());
      assertEquals("assertionMethod", proof.get("proofPurpose").asText());
      String method = proof.get("verificationMethod").asText();
      JsonNode did = TestServer.json(server.get("/.well-known/did.json", "application/json"));
      boolean published = false;
      for (JsonNode m : did.get("verificationMethod")) {
        published |= m.get("id").asText().equals(method) && m.get("type").asText().equals("Multikey");
      }
      assertTrue(published, method + " is a Multikey in the DID document");
      assertTrue(did.get("assertionMethod").toString().contains(method));

      JsonNode report = verify(credential);
      assertTrue(report.get("verified").asBoolean(), report.toString());
      assertTrue(report.get("checks").get(1).get("detail").asText().contains(suite), "the suite is named");
    }
  }

  @Test
  void theSameRequestCanBeSecuredBothWays() {
    String credential = server.issueRequest("Sipho").replace("\"type\"", "\"id\": \"urn:uuid:ID\", \"type\"");
    JsonNode jwt = TestServer.json(issue(credential.replace("ID", "0b1c7a52-9d1e-4c7e-9d55-1f3c2b8a4e01")
        .replace("\"options\": {}", "\"options\": {\"securingMechanism\": \"vc+jwt\"}"))).get("verifiableCredential");
    JsonNode di = TestServer.json(issue(credential.replace("ID", "0b1c7a52-9d1e-4c7e-9d55-1f3c2b8a4e02")
        .replace("\"options\": {}", "\"options\": {\"securingMechanism\": \"DataIntegrityProof\"}")))
        .get("verifiableCredential");
    assertEquals("EnvelopedVerifiableCredential", jwt.get("type").asText());
    assertTrue(di.has("proof"));
    assertTrue(verify(jwt).get("verified").asBoolean());
    assertTrue(verify(di).get("verified").asBoolean());
  }

  @Test
  void aChangedClaimFailsTheSignatureCheck() {
    JsonNode credential =
        TestServer.json(issue(request("Lerato", "{\"securingMechanism\": \"DataIntegrityProof\"}")))
            .get("verifiableCredential");
    ObjectNode tampered = credential.deepCopy();
    ((ObjectNode) tampered.get("credentialSubject")).put("name", "Mallory");
    JsonNode report = verify(tampered);
    assertFalse(report.get("verified").asBoolean());
    assertEquals("failed", TestServer.status(report, "signature"));
  }

  @Test
  void aStoredDataIntegrityCredentialIsServedAsJsonNotAsJwt() {
    HttpResponse<String> issued = issue(request("Naledi", "{\"securingMechanism\": \"DataIntegrityProof\"}"));
    String location = issued.headers().firstValue("Location").orElseThrow();
    String path = location.substring(location.indexOf("/credentials/"));
    assertEquals(TestServer.json(issued).get("verifiableCredential"), TestServer.json(server.get(path, "application/json")));
    HttpResponse<String> asJwt = server.get(path, "application/vc+jwt");
    assertEquals(406, asJwt.statusCode());
    assertEquals("https://dcop.saypro.org/problems/not-acceptable", TestServer.json(asJwt).get("type").asText());
  }

  @Test
  void anUnbundledContextIsRefusedOnIssueAndFailsFormatOnVerify() {
    String withContext =
        request("Ayanda", "{\"securingMechanism\": \"DataIntegrityProof\"}")
            .replace("[\"https://www.w3.org/ns/credentials/v2\"]",
                "[\"https://www.w3.org/ns/credentials/v2\", \"https://evil.example/context\"]");
    HttpResponse<String> refused = issue(withContext);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("/credential/@context/1"), refused.body());

    JsonNode credential =
        TestServer.json(issue(request("Ayanda", "{\"securingMechanism\": \"DataIntegrityProof\"}")))
            .get("verifiableCredential");
    ObjectNode withUnknown = credential.deepCopy();
    withUnknown.putArray("@context").add("https://www.w3.org/ns/credentials/v2").add("https://evil.example/context");
    JsonNode report = verify(withUnknown);
    assertFalse(report.get("verified").asBoolean());
    assertEquals("failed", TestServer.status(report, "format"));
    assertEquals("failed", TestServer.status(report, "signature"));
    assertTrue(Json.writeString(report).contains("not bundled"), report.toString());
  }

  @Test
  void aTermNoContextDefinesIsRefusedForDataIntegrityBecauseItWouldNotBeSigned() {
    String undefined = request("Bongani", "{\"securingMechanism\": \"DataIntegrityProof\"}")
        .replace("\"name\": \"Bongani\"", "\"name\": \"Bongani\", \"degree\": \"PhD\"");
    HttpResponse<String> refused = issue(undefined);
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("the term 'degree' is not defined"), refused.body());
  }

  @Test
  void conflictingOptionsAreNamed() {
    HttpResponse<String> response =
        issue(request("X", "{\"securingMechanism\": \"vc+jwt\", \"cryptosuite\": \"eddsa-rdfc-2022\"}"));
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("/options/cryptosuite"), response.body());
  }
}
