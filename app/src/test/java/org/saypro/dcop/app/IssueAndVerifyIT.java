package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;

/** Issue over HTTP, verify over HTTP, and every kind of bad request: against the real server and database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssueAndVerifyIT {

  private static final String PROBLEM = "application/problem+json";

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

  private JsonNode issue(String request) {
    HttpResponse<String> response = server.postJson("/credentials/issue", request);
    assertEquals(201, response.statusCode(), response.body());
    return TestServer.json(response).get("verifiableCredential");
  }

  private JsonNode verify(JsonNode verifiableCredential) {
    HttpResponse<String> response =
        server.postJson("/credentials/verify", TestServer.verifyRequest(verifiableCredential));
    assertEquals(200, response.statusCode(), response.body());
    return TestServer.json(response);
  }

  private static String jwtOf(JsonNode enveloped) {
    return enveloped.get("id").asText().substring("data:application/vc+jwt,".length());
  }

  @Test
  void issuedCredentialVerifies() {
    JsonNode enveloped = issue(server.issueRequest("Thandi"));
    assertEquals("EnvelopedVerifiableCredential", enveloped.get("type").asText());
    JsonNode report = verify(enveloped);
    assertTrue(report.get("verified").asBoolean(), report.toString());
    for (String check : List.of("format", "signature", "issuer", "validity")) {
      assertEquals("passed", TestServer.status(report, check), check);
    }
    assertEquals(0, report.get("problemDetails").size());
  }

  @Test
  void flippingOneCharacterOfTheSignatureFailsTheSignatureCheck() {
    String jwt = jwtOf(issue(server.issueRequest("Sipho")));
    int at = jwt.lastIndexOf('.') + 10;
    String flipped = jwt.substring(0, at) + (jwt.charAt(at) == 'A' ? 'B' : 'A') + jwt.substring(at + 1);
    JsonNode report = verify(Json.mapper().getNodeFactory().textNode(flipped));
    assertFalse(report.get("verified").asBoolean());
    assertEquals("failed", TestServer.status(report, "signature"));
    assertEquals("passed", TestServer.status(report, "format"));
    assertTrue(report.get("problemDetails").get(0).get("type").asText().endsWith("CRYPTOGRAPHIC_SECURITY_ERROR"));
  }

  @Test
  void flippingOneCharacterOfThePayloadFailsTheSignatureCheck() {
    String jwt = jwtOf(issue(server.issueRequest("Lerato")));
    int at = jwt.indexOf('.') + 40;
    String flipped = jwt.substring(0, at) + (jwt.charAt(at) == 'x' ? 'y' : 'x') + jwt.substring(at + 1);
    JsonNode report = verify(Json.mapper().getNodeFactory().textNode(flipped));
    assertFalse(report.get("verified").asBoolean());
    assertEquals("failed", TestServer.status(report, "signature"));
  }

  @Test
  void es256IsIssuedOnRequestAndVerifies() {
    String request = server.issueRequest("Naledi").replace("\"options\": {}", "\"options\": {\"algorithm\": \"ES256\"}");
    JsonNode enveloped = issue(request);
    String header = new String(java.util.Base64.getUrlDecoder().decode(jwtOf(enveloped).split("\\.")[0]));
    assertEquals("ES256", Json.parse(header).get("alg").asText());
    assertTrue(verify(enveloped).get("verified").asBoolean());
  }

  @Test
  void jwtVerifiesWithAnIndependentJoseLibraryUsingOnlyThePublishedDidDocument() throws Exception {
    String jwt = jwtOf(issue(server.issueRequest("Ayanda")));
    JsonNode didDocument = TestServer.json(server.get("/.well-known/did.json", "application/json"));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmConstraints(
        new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA));
    jws.setCompactSerialization(jwt);
    String kid = jws.getKeyIdHeaderValue();
    JsonNode method = null;
    for (JsonNode m : didDocument.get("verificationMethod")) {
      if (m.get("id").asText().equals(kid)) {
        method = m;
      }
    }
    assertTrue(method != null, "kid " + kid + " is published in the DID document");
    assertEquals("JsonWebKey", method.get("type").asText());
    assertTrue(didDocument.get("assertionMethod").toString().contains(kid));
    jws.setKey(JsonWebKey.Factory.newJwk(Json.writeString(method.get("publicKeyJwk"))).getKey());
    assertTrue(jws.verifySignature(), "jose4j verifies the signature");
    assertEquals("vc+jwt", jws.getHeader("typ"));
    JsonNode payload = Json.parse(jws.getPayload());
    assertEquals(server.issuerDid(), payload.get("issuer").asText());
    assertFalse(payload.has("vc"), "the payload is the credential itself");
  }

  @Test
  void anIssuedCredentialCanBeFetchedAsJsonOrJwt() {
    HttpResponse<String> issued = server.postJson("/credentials/issue", server.issueRequest("Bongani"));
    String location = issued.headers().firstValue("Location").orElseThrow();
    String path = location.substring(location.indexOf("/credentials/"));
    JsonNode enveloped = TestServer.json(issued).get("verifiableCredential");

    HttpResponse<String> asJson = server.get(path, "application/json");
    assertEquals(200, asJson.statusCode());
    assertEquals(enveloped, TestServer.json(asJson));

    HttpResponse<String> asJwt = server.get(path, "application/vc+jwt");
    assertEquals(jwtOf(enveloped), asJwt.body());
    JsonNode payload =
        Json.parse(java.util.Base64.getUrlDecoder().decode(asJwt.body().split("\\.")[1]));
    assertEquals(location, payload.get("id").asText(), "a credential without id gets its fetch URL as id");
  }

  @Test
  void openBadgeIsCheckedAgainstTheSchema() {
    String badge =
        """
        {"credential": {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "name": "Digital Learning facilitator",
          "issuer": {"id": "%s", "type": ["Profile"], "name": "SayPro"},
          "validFrom": "2026-01-01T00:00:00Z",
          "credentialSubject": {"type": ["AchievementSubject"], "id": "did:example:learner-2",
            "achievement": {"id": "https://example.org/achievements/1", "type": ["Achievement"],
              "name": "Digital Learning facilitator", "description": "Facilitates online learning",
              "criteria": {"narrative": "Ran three webinars"}}}
        }}"""
            .formatted(server.issuerDid());
    assertTrue(verify(issue(badge)).get("verified").asBoolean());

    HttpResponse<String> missingAchievement =
        server.postJson("/credentials/issue", badge.replaceAll("\"achievement\": \\{[^}]*\\{[^}]*\\}\\}", "\"x\": 1"));
    assertEquals(400, missingAchievement.statusCode(), missingAchievement.body());
    assertTrue(
        missingAchievement.body().contains("/credential/credentialSubject"), missingAchievement.body());
  }

  @Test
  void invalidCredentialIsAProblemNamingEveryOffendingField() {
    String bad =
        """
        {"credential": {"@context": ["https://www.w3.org/ns/credentials/v2", "https://evil.example/ctx"],
          "type": ["Thing"], "issuer": "not a url", "validFrom": "2026-01-01",
          "credentialSubject": {"id": "nope"}}, "options": {"colour": "red"}}""";
    HttpResponse<String> response = server.postJson("/credentials/issue", bad);
    assertEquals(400, response.statusCode());
    assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
    JsonNode problem = TestServer.json(response);
    assertEquals("https://dcop.saypro.org/problems/invalid-credential", problem.get("type").asText());
    List<String> pointers = new ArrayList<>();
    problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertTrue(
        pointers.containsAll(
            List.of(
                "/options/colour",
                "/credential/@context/1",
                "/credential/type",
                "/credential/issuer",
                "/credential/validFrom",
                "/credential/credentialSubject/id")),
        pointers.toString());
    assertFalse(response.body().contains("Exception"), "no exception names leak");
  }

  @Test
  void issuingForAnotherIssuerIsRefused() {
    String other = server.issueRequest("X").replace(server.issuerDid(), "did:web:example.org");
    HttpResponse<String> response = server.postJson("/credentials/issue", other);
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("/credential/issuer"));
  }

  @Test
  void malformedAndMisdirectedRequestsAreProblems() {
    assertProblem(server.postJson("/credentials/issue", "{\"credential\": "), 400, "malformed-json");
    assertProblem(server.postJson("/credentials/issue", "{\"a\":1,\"a\":2}"), 400, "malformed-json");
    assertProblem(server.postJson("/credentials/issue", "[]"), 400, "invalid-request");
    assertProblem(server.postJson("/credentials/verify", "{\"verifiableCredential\": 42}"), 400, "not-a-credential");
    assertProblem(server.postJson("/credentials/verify", "{}"), 400, "not-a-credential");
    assertProblem(server.get("/credentials/not-a-uuid", "application/json"), 404, "not-found");
    assertProblem(
        server.get("/credentials/00000000-0000-0000-0000-000000000000", "application/json"), 404, "not-found");
    assertProblem(server.get("/no/such/page", "application/json"), 404, "not-found");
    assertProblem(
        TestServer.send(java.net.http.HttpRequest.newBuilder(server.uri("/credentials/issue")).DELETE().build()),
        405,
        "method-not-allowed");
    assertProblem(
        TestServer.send(
            java.net.http.HttpRequest.newBuilder(server.uri("/credentials/issue"))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build()),
        415,
        "unsupported-media-type");
    String huge = "{\"credential\": {\"x\": \"" + "a".repeat(300_000) + "\"}}";
    assertProblem(server.postJson("/credentials/issue", huge), 413, "payload-too-large");
    String tooLargeForServer = "{\"credential\": {\"x\": \"" + "a".repeat(9_000_000) + "\"}}";
    assertEquals(413, server.postJson("/credentials/issue", tooLargeForServer).statusCode());
  }

  @Test
  void idempotencyKeyMustBeSane() {
    assertProblem(
        server.postJson("/credentials/issue", server.issueRequest("K"), Map.of("Idempotency-Key", "x".repeat(300))),
        400,
        "invalid-request");
  }

  @Test
  void healthIncludesTheDatabase() {
    HttpResponse<String> response = server.get("/health", "application/json");
    assertEquals(200, response.statusCode());
    JsonNode health = TestServer.json(response);
    assertEquals("UP", health.get("status").asText());
    assertEquals("UP", health.get("details").get("jdbc").get("status").asText());
  }

  @Test
  void openApiDocumentsAndTheirUiAreServed() {
    HttpResponse<String> issuer = server.get("/openapi/dcop-issuer-1.yml", "*/*");
    assertEquals(200, issuer.statusCode());
    assertTrue(issuer.body().contains("/credentials/issue"));
    HttpResponse<String> verifier = server.get("/openapi/dcop-verifier-1.yml", "*/*");
    assertTrue(verifier.body().contains("/credentials/verify"));
    HttpResponse<String> ui = server.get("/api-docs/index.html", "text/html");
    assertEquals(200, ui.statusCode());
    String bundle = ui.body().replaceAll("(?s).*src=\"(/webjars/swagger-ui/[^\"]*bundle.js)\".*", "$1");
    assertEquals(200, server.get(bundle, "*/*").statusCode(), bundle);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""), response.body());
    JsonNode problem = TestServer.json(response);
    assertEquals("https://dcop.saypro.org/problems/" + type, problem.get("type").asText(), response.body());
    assertEquals(status, problem.get("status").asInt());
    assertFalse(problem.get("title").asText().isBlank());
  }
}
