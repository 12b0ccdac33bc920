package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.AnchoringSupport.AnchorRow;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.ledger.AnchoredEvent;
import org.saypro.dcop.ledger.LedgerSettings;
import org.saypro.dcop.ledger.LocalDevChain;
import org.saypro.dcop.ledger.Web3jAnchorLedger;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/**
 * The chain goes away while credentials are being issued and anchored: issuing goes on, the outbox keeps the open
 * anchor with its attempts and last error, and once the chain is back everything is anchored, each size once.
 */
class AnchoringOutageIT {

  @TempDir Path dataDir;
  @TempDir Path chainDir;

  @Test
  void anchoringResumesAfterTheChainComesBackWithoutDuplicates() throws Exception {
    LocalDevChain chain =
        LocalDevChain.builder().binary(AnvilExtension.anvil()).stateFile(chainDir.resolve("anvil-state.json")).start();
    try (chain;
        TestServer server =
            TestServer.start(dataDir, TestServer.freePort(), AnchoringSupport.ledgerProperties(chain, "300ms", 256))) {
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        paths.add(AnchoringSupport.issue(server, "Before " + i));
      }
      AnchoringSupport.awaitAnchored(server, paths.get(paths.size() - 1), Duration.ofSeconds(20));

      // a second round, and the chain stops before its anchor can be expected to be done
      for (int i = 0; i < 10; i++) {
        paths.add(AnchoringSupport.issue(server, "Racing " + i));
      }
      chain.stop();
      long stoppedAt = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        paths.add(AnchoringSupport.issue(server, "During " + i));
      }
      String issuedDuringOutage = paths.get(paths.size() - 1);
      int total = paths.size();

      AnchoringSupport.await("a failed anchoring attempt recorded in the outbox", Duration.ofSeconds(10),
          () -> openRow(server).filter(row -> row.attempts() >= 2 && row.lastError() != null).isPresent());
      AnchorRow first = openRow(server).orElseThrow();
      Thread.sleep(2_000);
      AnchorRow later = openRow(server).orElseThrow();
      System.out.printf("during the outage: open anchor %s; 2 s later %d attempts, last error: %s%n",
          first, later.attempts(), later.lastError());
      assertEquals(first.treeSize(), later.treeSize(), "the same anchor stays open");
      assertTrue(later.attempts() > first.attempts(), "the worker keeps trying: " + first + " then " + later);
      assertTrue(List.of("pending", "sent").contains(later.status()), later.toString());
      assertTrue(AnchoringSupport.newestConfirmedSize(server) < total, "nothing covers the latest entries yet");
      assertEquals(1, AnchoringSupport.anchorRows(server).stream().filter(r -> !r.status().equals("confirmed")).count(),
          "one anchor is open at a time");

      // the server still works: issuing, proofs, and verification with the anchor pending
      String alsoDuring = AnchoringSupport.issue(server, "Still issuing");
      paths.add(alsoDuring);
      total = paths.size();
      JsonNode proof = TestServer.json(server.get(issuedDuringOutage + "/proof", "application/json"));
      assertEquals("pending", proof.path("anchor").path("status").asText(), proof.toString());
      JsonNode report = verify(server, alsoDuring);
      assertTrue(report.get("verified").asBoolean(), report.toString());
      assertEquals("pending", AnchoringEndToEndIT.check(report, Checks.ANCHOR).get("status").asText(),
          report.toString());

      chain.restart();
      long restartedAt = System.nanoTime();
      long expected = total;
      AnchoringSupport.await("every entry anchored after the restart", Duration.ofSeconds(30),
          () -> AnchoringSupport.newestConfirmedSize(server) >= expected
              && AnchoringSupport.anchorRows(server).stream().allMatch(r -> r.status().equals("confirmed")));
      System.out.printf("chain down for %d ms; everything anchored %d ms after its restart%n",
          (restartedAt - stoppedAt) / 1_000_000, (System.nanoTime() - restartedAt) / 1_000_000);

      List<AnchorRow> confirmed = AnchoringSupport.confirmedRows(server);
      String contract = AnchoringSupport.contractAddress(dataDir, chain.chainId());
      try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain)).withContract(contract)) {
        assertEquals(confirmed.size(), confirmed.stream().map(r -> r.txHash().toLowerCase()).distinct().count(),
            "every anchor has its own transaction: " + confirmed);
        for (AnchorRow row : confirmed) {
          assertArrayEquals(row.root().bytes(), ledger.rootAt(row.treeSize()).orElseThrow(), row.toString());
          Optional<AnchoredEvent> event = ledger.findAnchored(row.treeSize());
          assertTrue(event.isPresent(), "the chain kept the Anchored event of " + row);
          assertTrue(event.get().txHash().equalsIgnoreCase(row.txHash()), row + " vs " + event.get());
          assertEquals(1, AnchoringSupport.anchoredEvents(chain, contract, row.treeSize()).size(), row.toString());
        }
        List<JsonNode> events = AnchoringSupport.anchoredEvents(chain, contract, null);
        assertEquals(confirmed.size(), events.size(), "no Anchored event without its outbox row");
        assertEquals(AnchoringSupport.newestConfirmedSize(server), ledger.latestSize());
        long sent = AnchoringSupport.transactionCount(chain, ledger.account()) - 1;
        System.out.printf("%d credentials, %d anchors %s, %d transactions sent after the deployment%n", total,
            confirmed.size(), confirmed.stream().map(AnchorRow::treeSize).toList(), sent);
        assertEquals(confirmed.size(), sent, "no transaction was sent twice");
      }
      for (String path : List.of(paths.get(0), paths.get(15), issuedDuringOutage, alsoDuring)) {
        JsonNode verified = verify(server, path);
        assertTrue(verified.get("verified").asBoolean(), verified.toString());
        assertEquals("passed", AnchoringEndToEndIT.check(verified, Checks.ANCHOR).get("status").asText(),
            verified.toString());
      }
      assertFalse(confirmed.stream().anyMatch(r -> r.lastError() != null), "confirming clears the error");
      assertNotNull(confirmed.get(confirmed.size() - 1).blockNumber());
    }
  }

  private static Optional<AnchorRow> openRow(TestServer server) {
    return AnchoringSupport.anchorRows(server).stream().filter(r -> !r.status().equals("confirmed")).findFirst();
  }

  private static JsonNode verify(TestServer server, String path) {
    JsonNode enveloped = TestServer.json(server.get(path, "application/json"));
    return TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
  }
}
