package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;

/**
 * Data Integrity interoperability with an independent implementation (Digital Bazaar's jsonld-signatures and rdfc
 * cryptosuites under interop/js, run with Node, offline): our proofs verify there, theirs verify here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteropIT {

  private static final Path INTEROP = Path.of("..", "interop", "js").toAbsolutePath().normalize();

  @TempDir static Path dataDir;
  @TempDir static Path work;
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    if (!Files.isDirectory(INTEROP.resolve("node_modules"))) {
      String out = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
      assertTrue(Files.isDirectory(INTEROP.resolve("node_modules")), "npm ci in interop/js failed: " + out);
    }
    server = TestServer.start(dataDir);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(INTEROP.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("this test needs Node 20+ and npm on the PATH (" + command.get(0) + ")", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), "timed out: " + command);
    return output.strip();
  }

  private JsonNode nodeVerify(JsonNode credential, JsonNode didDocument) throws Exception {
    Path credentialFile = Files.writeString(Files.createTempFile(work, "credential", ".json"), Json.writeString(credential));
    Path didFile = Files.writeString(Files.createTempFile(work, "did", ".json"), Json.writeString(didDocument));
    String out = run(List.of("node", "crosscheck.mjs", "verify", credentialFile.toString(), didFile.toString()), 60);
    String[] lines = out.split("\n");
    return Json.parse(lines[lines.length - 1]);
  }

  @Test
  void ourProofsVerifyWithTheIndependentImplementation() throws Exception {
    JsonNode didDocument = TestServer.json(server.get("/.well-known/did.json", "application/json"));
    for (String suite : List.of("eddsa-rdfc-2022", "ecdsa-rdfc-2019")) {
      String request =
          server.issueRequest("Thandi").replace("\"options\": {}", "\"options\": {\"cryptosuite\": \"" + suite + "\"}");
      HttpResponse<String> issued = server.postJson("/credentials/issue", request);
      assertEquals(201, issued.statusCode(), issued.body());
      JsonNode credential = TestServer.json(issued).get("verifiableCredential");

      JsonNode result = nodeVerify(credential, didDocument);
      assertTrue(result.get("verified").asBoolean(), suite + ": " + result);

      ObjectNode tampered = credential.deepCopy();
      ((ObjectNode) tampered.get("credentialSubject")).put("name", "Mallory");
      assertFalse(nodeVerify(tampered, didDocument).get("verified").asBoolean(), suite + " tampered");
    }
  }

  @Test
  void theirProofsVerifyHere() throws Exception {
    Path unsigned =
        Files.writeString(
            work.resolve("unsigned.json"),
            """
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
             "id": "urn:uuid:7f1c2b9e-40a4-4d0b-8a0f-2f7c1d3e9b11",
             "type": ["VerifiableCredential", "ExampleAchievementCredential"],
             "issuer": "set-by-the-signer",
             "validFrom": "2026-01-01T00:00:00Z",
             "credentialSubject": {"id": "did:example:learner", "name": "Sipho"}}""");
    String out = run(List.of("node", "crosscheck.mjs", "sign", unsigned.toString()), 60);
    String[] lines = out.split("\n");
    JsonNode signed = Json.parse(lines[lines.length - 1]);
    assertTrue(signed.get("issuer").asText().startsWith("did:key:z6Mk"), out);

    JsonNode report =
        TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(signed)));
    assertTrue(report.get("verified").asBoolean(), report.toString());
    List<String> details = new ArrayList<>();
    report.get("checks").forEach(c -> details.add(c.get("detail").asText()));
    assertTrue(details.get(1).contains("eddsa-rdfc-2022"), details.toString());
  }
}
