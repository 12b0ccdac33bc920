package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.log.Checkpoint;
import org.saypro.dcop.core.log.CheckpointVerifier;
import org.saypro.dcop.core.log.ConsistencyProofVerifier;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.core.log.InclusionProofVerifier;
import org.saypro.dcop.core.log.MerkleHash;
import org.saypro.dcop.core.log.NoteCheck;
import org.saypro.dcop.core.log.NoteVerifierKey;
import org.saypro.dcop.core.log.ProofCheck;

/** Issued credentials enter the transparency log; its checkpoints and proofs check out with the pure verifiers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyLogIT {

  @TempDir static Path dataDir;
  private TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.start(dataDir, TestServer.freePort(), Map.of("dcop.log.batch-size", 7, "dcop.log.sequence-interval", "100ms"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String issue(String name) {
    HttpResponse<String> issued = server.postJson("/credentials/issue", server.issueRequest(name));
    assertEquals(201, issued.statusCode(), issued.body());
    String location = issued.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("/credentials/"));
  }

  private JsonNode integrated(String credentialPath) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      JsonNode proof = TestServer.json(server.get(credentialPath + "/proof", "application/json"));
      if (proof.get("status").asText().equals("integrated")) {
        return proof;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not integrated in time: " + credentialPath);
  }

  private Checkpoint verifiedCheckpoint(String note) {
    NoteVerifierKey key = NoteVerifierKey.parse(server.get("/log/verifier-key", "text/plain").body().strip());
    NoteCheck<Checkpoint> check = new CheckpointVerifier(key).verify(note);
    return assertInstanceOf(NoteCheck.Verified.class, check, check.toString()).value() instanceof Checkpoint c
        ? c : null;
  }

  private static List<Hash> hashes(JsonNode array) {
    List<Hash> hashes = new ArrayList<>();
    array.forEach(h -> hashes.add(Hash.fromHex(h.asText())));
    return hashes;
  }

  @Test
  void everyIssuedCredentialIsProvablyInTheSignedLog() throws Exception {
    List<String> credentials = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      credentials.add(issue("Learner " + i));
    }
    String firstCheckpoint = null;
    for (String path : credentials) {
      JsonNode proof = integrated(path);
      Checkpoint checkpoint = verifiedCheckpoint(proof.get("checkpoint").asText());
      firstCheckpoint = firstCheckpoint == null ? proof.get("checkpoint").asText() : firstCheckpoint;
      String jwt = TestServer.json(server.get(path, "application/json")).get("id").asText()
          .substring("data:application/vc+jwt,".length());
      Hash leaf = MerkleHash.leaf(Json.sha256(jwt.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      ProofCheck inclusion =
          InclusionProofVerifier.verify(
              proof.get("leafIndex").asLong(), checkpoint.size(), leaf, hashes(proof.get("inclusionPath")),
              checkpoint.root());
      assertInstanceOf(ProofCheck.Valid.class, inclusion, path + ": " + inclusion);
      assertEquals(checkpoint.size(), proof.get("treeSize").asLong());
    }

    String latest = server.get("/log/checkpoint", "text/plain").body();
    Checkpoint newest = verifiedCheckpoint(latest);
    assertTrue(newest.size() >= 23, "batches of 7 integrate all 23: " + newest.size());
    Checkpoint older = verifiedCheckpoint(firstCheckpoint);
    JsonNode consistency =
        TestServer.json(server.get("/log/proof/consistency?from=" + older.size() + "&to=" + newest.size(), "application/json"));
    assertInstanceOf(
        ProofCheck.Valid.class,
        ConsistencyProofVerifier.verify(older.size(), newest.size(), older.root(), newest.root(),
            hashes(consistency.get("consistencyPath"))));
  }

  @Test
  void theProofApiFindsLeavesByHashAndRefusesNonsense() throws Exception {
    String path = issue("Naledi");
    JsonNode proof = integrated(path);
    String jwt = TestServer.json(server.get(path, "application/json")).get("id").asText()
        .substring("data:application/vc+jwt,".length());
    Hash leaf = MerkleHash.leaf(Json.sha256(jwt.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    long size = proof.get("treeSize").asLong();
    JsonNode byHash =
        TestServer.json(server.get("/log/proof/inclusion?leaf=" + leaf.hex() + "&size=" + size, "application/json"));
    assertEquals(proof.get("leafIndex").asLong(), byHash.get("leafIndex").asLong());
    assertEquals(proof.get("inclusionPath"), byHash.get("inclusionPath"));

    assertEquals(400, server.get("/log/proof/inclusion?leaf=zz&size=1", "application/json").statusCode());
    assertEquals(400, server.get("/log/proof/inclusion?leaf=" + leaf.hex() + "&size=999999999", "application/json").statusCode());
    assertEquals(404, server.get("/log/proof/inclusion?leaf=" + "0".repeat(64) + "&size=" + size, "application/json").statusCode());
    assertEquals(400, server.get("/log/proof/consistency?from=5&to=2", "application/json").statusCode());
    assertEquals(404, server.get("/credentials/00000000-0000-0000-0000-000000000000/proof", "application/json").statusCode());
  }
}
