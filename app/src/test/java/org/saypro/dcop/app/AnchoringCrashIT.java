package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.AnchoringSupport.AnchorRow;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.ledger.AnchorReceipt;
import org.saypro.dcop.ledger.AnchoredEvent;
import org.saypro.dcop.ledger.LedgerSettings;
import org.saypro.dcop.ledger.LocalDevChain;
import org.saypro.dcop.ledger.SendResult;
import org.saypro.dcop.ledger.Web3jAnchorLedger;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/**
 * The server dies after sending an anchoring transaction and before recording it: on restart it finds the
 * transaction on the ledger and records it, instead of sending a second one.
 */
@ExtendWith(AnvilExtension.class)
class AnchoringCrashIT {

  @TempDir Path dataDir;

  @Test
  void aTransactionSentBeforeACrashIsFoundOnTheLedgerAndNotSentAgain(LocalDevChain chain) throws Exception {
    int port = TestServer.freePort();
    Map<String, Object> anchoring = AnchoringSupport.ledgerProperties(chain, "300ms", 256);

    // 1. a normal life: the server deploys its contract and anchors the first credentials
    try (TestServer server = TestServer.start(dataDir, port, anchoring)) {
      String path = "";
      for (int i = 0; i < 5; i++) {
        path = AnchoringSupport.issue(server, "Before " + i);
      }
      AnchoringSupport.awaitAnchored(server, path, Duration.ofSeconds(20));
    }
    String contract = AnchoringSupport.contractAddress(dataDir, chain.chainId());

    try (Web3jAnchorLedger ledger =
        Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain)).withContract(contract)) {
      long anchoredBefore = ledger.latestSize();
      assertEquals(5, anchoredBefore);

      // 2. new credentials reach a checkpoint; then the worker's crash window is reproduced by hand: the outbox row
      // is committed as 'pending', the transaction is sent with the server's account, and nothing records it. The
      // server runs without a ledger meanwhile, so no worker of its own touches the outbox.
      long size;
      Hash root;
      String sentTx;
      AnchorReceipt receipt;
      String lastPath = "";
      try (TestServer server = TestServer.start(dataDir, port, Map.of())) {
        for (int i = 0; i < 5; i++) {
          lastPath = AnchoringSupport.issue(server, "Crash window " + i);
        }
        AnchoringSupport.await("a checkpoint of all 10 entries", Duration.ofSeconds(10),
            () -> AnchoringSupport.newestCheckpoint(server).getKey() == 10);
        Map.Entry<Long, Hash> checkpoint = AnchoringSupport.newestCheckpoint(server);
        size = checkpoint.getKey();
        root = checkpoint.getValue();
        AnchoringSupport.insertAnchorRow(server, size, root, "pending");
        SendResult sent = ledger.send(size, root.bytes());
        sentTx = assertInstanceOf(SendResult.Sent.class, sent).txHash();
        receipt = ledger.awaitReceipt(sentTx, Duration.ofSeconds(10)).orElseThrow();
        assertTrue(receipt.succeeded());
      }
      long nonceAfterCrash = AnchoringSupport.transactionCount(chain, ledger.account());
      assertEquals(size, ledger.latestSize());

      // 3. the server comes back on the same data directory, port (hence DID) and chain
      try (TestServer server = TestServer.start(dataDir, port, anchoring)) {
        AnchoringSupport.await("the pending anchor confirmed", Duration.ofSeconds(15),
            () -> row(server, size).status().equals("confirmed"));
        AnchorRow recovered = row(server, size);
        System.out.println("recovered after the crash: " + recovered + " (sent before the crash: " + sentTx + ")");
        assertTrue(recovered.txHash().equalsIgnoreCase(sentTx), "the transaction sent before the crash: " + recovered);
        assertEquals(receipt.blockNumber(), recovered.blockNumber());
        assertNull(recovered.lastError());
        Thread.sleep(1_000); // three more worker rounds
        assertEquals(nonceAfterCrash, AnchoringSupport.transactionCount(chain, ledger.account()),
            "the server sent no transaction of its own for size " + size);
        assertEquals(size, ledger.latestSize());
        List<JsonNode> events = AnchoringSupport.anchoredEvents(chain, contract, size);
        assertEquals(1, events.size(), "one Anchored event for size " + size + ": " + events);
        AnchoredEvent event = ledger.findAnchored(size).orElseThrow();
        assertTrue(event.txHash().equalsIgnoreCase(sentTx));

        JsonNode anchor = AnchoringSupport.awaitAnchored(server, lastPath, Duration.ofSeconds(5));
        assertEquals(size, anchor.get("treeSize").asLong());
        assertTrue(anchor.get("transactionHash").asText().equalsIgnoreCase(sentTx), anchor.toString());
        JsonNode enveloped = TestServer.json(server.get(lastPath, "application/json"));
        JsonNode report = TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
        assertTrue(report.get("verified").asBoolean(), report.toString());
        assertEquals("passed", AnchoringEndToEndIT.check(report, Checks.ANCHOR).get("status").asText(),
            report.toString());

        // 4. and it goes on anchoring new checkpoints, one transaction each
        String next = AnchoringSupport.issue(server, "After");
        JsonNode nextAnchor = AnchoringSupport.awaitAnchored(server, next, Duration.ofSeconds(15));
        assertEquals(size + 1, nextAnchor.get("treeSize").asLong());
        assertEquals(size + 1, ledger.latestSize());
        assertEquals(nonceAfterCrash + 1, AnchoringSupport.transactionCount(chain, ledger.account()));
        List<Long> confirmed = AnchoringSupport.confirmedRows(server).stream().map(AnchorRow::treeSize).toList();
        assertEquals(List.of(5L, size, size + 1), confirmed.subList(confirmed.size() - 3, confirmed.size()));
      }
    }
  }

  private static AnchorRow row(TestServer server, long size) {
    return AnchoringSupport.anchorRows(server).stream().filter(r -> r.treeSize() == size).findFirst().orElseThrow();
  }
}
