package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.ledger.LedgerSettings;
import org.saypro.dcop.ledger.LocalDevChain;
import org.saypro.dcop.ledger.Web3jAnchorLedger;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/** Checkpoints are anchored on a real local Ethereum chain (anvil): one transaction covers many credentials. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(AnvilExtension.class)
class AnchoringIT {

  @TempDir static Path dataDir;
  private TestServer server;
  private LocalDevChain chain;

  @BeforeAll
  void start(LocalDevChain chain) {
    this.chain = chain;
    Map<String, Object> properties = new HashMap<>();
    properties.put("dcop.ledger.rpc-url", chain.rpcUrl());
    properties.put("dcop.ledger.chain-id", chain.chainId());
    properties.put("dcop.ledger.private-key", chain.devPrivateKey(0));
    properties.put("dcop.ledger.confirmations", 1);
    properties.put("dcop.anchor.interval", "300ms");
    properties.put("dcop.log.sequence-interval", "100ms");
    properties.put("dcop.log.batch-size", 16);
    server = TestServer.start(dataDir, TestServer.freePort(), properties);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void issuedCredentialsAreAnchoredWithFewTransactions() throws Exception {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      HttpResponse<String> issued = server.postJson("/credentials/issue", server.issueRequest("Learner " + i));
      assertEquals(201, issued.statusCode(), issued.body());
      String location = issued.headers().firstValue("Location").orElseThrow();
      paths.add(location.substring(location.indexOf("/credentials/")));
    }
    String contract = Files.readString(dataDir.resolve("ledger").resolve("contract-" + chain.chainId())).strip();
    try (Web3jAnchorLedger ledger =
        Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain)).withContract(contract)) {
      for (String path : paths) {
        JsonNode anchor = awaitAnchor(path);
        long size = anchor.get("treeSize").asLong();
        byte[] onChain = ledger.rootAt(size).orElseThrow();
        assertArrayEquals(Hash.fromHex(anchor.get("root").asText()).bytes(), onChain, "the chain holds the root");
        assertTrue(anchor.get("blockNumber").asLong() > 0);
      }
    }
    for (String path : List.of(paths.get(0), paths.get(29), paths.get(59))) {
      JsonNode enveloped = TestServer.json(server.get(path, "application/json"));
      JsonNode report = TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
      assertTrue(report.get("verified").asBoolean(), report.toString());
      JsonNode anchorCheck = AnchoringEndToEndIT.check(report, "anchor");
      assertEquals("passed", anchorCheck.get("status").asText(), anchorCheck.toString());
      assertTrue(anchorCheck.get("detail").asText().contains("block"), anchorCheck.toString());
    }
    long transactions;
    try (Connection sql = server.sql();
        ResultSet rows = sql.createStatement().executeQuery("select count(*) from log_anchor where status = 'confirmed'")) {
      rows.next();
      transactions = rows.getLong(1);
    }
    System.out.println("60 credentials anchored with " + transactions + " anchoring transaction(s)");
    assertTrue(transactions >= 1 && transactions < 60, "one transaction covers many credentials: " + transactions);
  }

  @Test
  void aJustIssuedCredentialIsVerifiedWithItsAnchorPending() {
    HttpResponse<String> issued = server.postJson("/credentials/issue", server.issueRequest("Fresh"));
    JsonNode report =
        TestServer.json(server.postJson("/credentials/verify",
            TestServer.verifyRequest(TestServer.json(issued).get("verifiableCredential"))));
    assertTrue(report.get("verified").asBoolean(), report.toString());
    JsonNode anchorCheck = AnchoringEndToEndIT.check(report, "anchor");
    assertTrue(List.of("pending", "passed").contains(anchorCheck.get("status").asText()), anchorCheck.toString());
  }

  private JsonNode awaitAnchor(String path) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      JsonNode proof = TestServer.json(server.get(path + "/proof", "application/json"));
      if (proof.path("anchor").path("status").asText().equals("anchored")) {
        return proof.get("anchor");
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not anchored in 30 s: " + path + " " + server.get(path + "/proof", "application/json").body());
  }
}
