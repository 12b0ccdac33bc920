package org.saypro.dcop.verifier.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.dataintegrity.Cryptosuite;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.dataintegrity.ProofOptions;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.did.Multikey;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * Open Badges 3.0 key documents at URLs, and the fences around every fetch, against a real HTTP server on loopback
 * (which only development mode may reach).
 */
class KeyDocumentVerificationTest {

  private static final DataIntegrity DATA_INTEGRITY = new DataIntegrity(RdfCanonicalizer.bundled());
  private final Map<String, String> documents = new ConcurrentHashMap<>();
  private HttpServer server;
  private String origin;
  private final SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, "did:example:unused");

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/redirect")) {
        exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
        return;
      }
      if (path.equals("/slow")) {
        try {
          Thread.sleep(3_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String body = documents.getOrDefault(path, path.equals("/huge") ? "[" + "1,".repeat(50_000) + "1]" : null);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    origin = "https://localhost:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private GuardedHttpClient http(boolean developmentMode) {
    return new GuardedHttpClient(Duration.ofSeconds(1), Duration.ofSeconds(1), 4096, developmentMode);
  }

  private CredentialVerifier verifier(boolean developmentMode) {
    HttpKeyDocumentResolver keyDocuments = new HttpKeyDocumentResolver(http(developmentMode));
    return new CredentialVerifier(
        CredentialValidator.withBundledSchemas(),
        MethodRoutingResolver.pureMethodsAnd(Map.of("https", keyDocuments)),
        DATA_INTEGRITY,
        Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
  }

  private void publishKey(String path, String controller) {
    documents.put(
        path,
        Json.writeString(
            Json.newObject()
                .put("id", origin + path)
                .put("type", "Multikey")
                .put("controller", controller)
                .put("publicKeyMultibase", Multikey.encode(key.publicJwk()))));
  }

  private ObjectNode credential(String issuer, String verificationMethod) throws Exception {
    ObjectNode credential =
        (ObjectNode)
            Json.parse(
                """
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:5d4f3a1e-2b9c-4e7a-8f10-0c1d2e3f4a5b",
                 "type": ["VerifiableCredential"], "issuer": "%s", "validFrom": "2026-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:learner", "name": "Thandi"}}"""
                    .formatted(issuer));
    return DATA_INTEGRITY.sign(
        credential, key,
        ProofOptions.assertion(Cryptosuite.EDDSA_RDFC_2022, verificationMethod, Instant.parse("2026-01-02T00:00:00Z")));
  }

  private VerificationReport verify(CredentialVerifier verifier, ObjectNode credential) {
    return verifier.verify(SecuredInput.classify(credential).orElseThrow());
  }

  @Test
  void aKeyDocumentOnTheIssuersOriginVerifies() throws Exception {
    String issuer = origin + "/issuers/saypro";
    publishKey("/keys/1", issuer);
    VerificationReport report = verify(verifier(true), credential(issuer, origin + "/keys/1"));
    assertTrue(report.verified(), report.checks().toString());
  }

  @Test
  void aKeyDocumentControlledBySomeoneElseFailsTheIssuerCheck() throws Exception {
    String issuer = origin + "/issuers/saypro";
    publishKey("/keys/2", origin + "/issuers/mallory");
    VerificationReport report = verify(verifier(true), credential(issuer, origin + "/keys/2"));
    assertEquals(CheckResult.Status.PASSED, report.check("signature").orElseThrow().status());
    assertEquals(CheckResult.Status.FAILED, report.check("issuer").orElseThrow().status());
  }

  @Test
  void aKeyDocumentOnAnotherOriginFailsTheIssuerCheck() throws Exception {
    String issuer = "https://college.example/issuers/1";
    publishKey("/keys/3", issuer);
    VerificationReport report = verify(verifier(true), credential(issuer, origin + "/keys/3"));
    CheckResult check = report.check("issuer").orElseThrow();
    assertEquals(CheckResult.Status.FAILED, check.status());
    assertTrue(check.detail().contains("origin"), check.detail());
  }

  @Test
  void outsideDevelopmentModeLoopbackIsNeverFetched() throws Exception {
    String issuer = origin + "/issuers/saypro";
    publishKey("/keys/4", issuer);
    CheckResult signature = verify(verifier(false), credential(issuer, origin + "/keys/4")).check("signature").orElseThrow();
    assertEquals(CheckResult.Status.FAILED, signature.status());
    assertTrue(signature.detail().contains("local or private address"), signature.detail());
  }

  @Test
  void fetchesAreFenced() {
    GuardedHttpClient dev = http(true);
    assertRefused(dev.fetchJson(URI.create(origin + "/redirect")), "HTTP 302");
    assertRefused(dev.fetchJson(URI.create(origin + "/huge")), "larger than 4096 bytes");
    assertRefused(dev.fetchJson(URI.create(origin + "/slow")), "in time");
    assertRefused(dev.fetchJson(URI.create("http://10.1.2.3/keys/1")), "local or private address");
    assertRefused(dev.fetchJson(URI.create("https://169.254.169.254/latest")), "local or private address");
    assertRefused(dev.fetchJson(URI.create("ftp://example.org/x")), "not a plain http(s) URL");
    assertRefused(dev.fetchJson(URI.create("https://user@localhost/x")), "not a plain http(s) URL");
  }

  private static void assertRefused(GuardedHttpClient.Fetched fetched, String reason) {
    GuardedHttpClient.Fetched.Refused refused = assertInstanceOf(GuardedHttpClient.Fetched.Refused.class, fetched);
    assertTrue(refused.reason().contains(reason), refused.reason());
  }
}
