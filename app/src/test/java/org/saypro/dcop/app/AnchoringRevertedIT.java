package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.saypro.dcop.ledger.LedgerSettings;
import org.saypro.dcop.ledger.LocalDevChain;
import org.saypro.dcop.ledger.SendResult;
import org.saypro.dcop.ledger.Web3jAnchorLedger;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/**
 * A transaction that is mined without anchoring its size (reverted, or succeeded with no {@code Anchored} event) is
 * not waited for: the worker looks the size up and sends anew when the ledger has none. And an anchor another
 * instance sent first is recorded, not duplicated.
 *
 * <p>To have the worker's own, correctly simulated transaction mined against a contract that does not anchor, the
 * tests swap the contract's code with anvil's {@code anvil_setCode} while the transaction waits in the mempool
 * (automine off), mine it, and put the code back (storage is untouched).
 */
@ExtendWith(AnvilExtension.class)
class AnchoringRevertedIT {

  /** PUSH1 0 PUSH1 0 REVERT: every call reverts. */
  private static final String REVERTING_CODE = "0x60006000fd";
  /** STOP: every call succeeds and does nothing. */
  private static final String SILENT_CODE = "0x00";

  @TempDir Path dataDir;

  @Test
  void aRevertedAnchorIsLookedUpAndSentAnew(LocalDevChain chain) throws Exception {
    minedAgainst(chain, REVERTING_CODE, "0x0");
  }

  @Test
  void anAnchorMinedWithoutItsEventIsLookedUpAndSentAnew(LocalDevChain chain) throws Exception {
    minedAgainst(chain, SILENT_CODE, "0x1");
  }

  private void minedAgainst(LocalDevChain chain, String code, String receiptStatus) throws Exception {
    try (TestServer server = TestServer.start(dataDir, TestServer.freePort(), properties(chain))) {
      AnchoringSupport.awaitAnchored(server, AnchoringSupport.issue(server, "First"), Duration.ofSeconds(20));
      String contract = AnchoringSupport.contractAddress(dataDir, chain.chainId());
      String original = AnchoringSupport.rpc(chain, "eth_getCode", "[\"" + contract + "\", \"latest\"]").asText();
      String account = AnchoringSupport.rpc(chain, "eth_accounts", "[]").get(0).asText();
      try {
        AnchoringSupport.rpc(chain, "evm_setAutomine", "[false]");
        String path = AnchoringSupport.issue(server, "Mined against other code");
        AnchoringSupport.await("the anchor sent", Duration.ofSeconds(15),
            () -> AnchoringSupport.anchorRows(server).stream().anyMatch(r -> r.status().equals("sent")));
        AnchorRow sent = AnchoringSupport.anchorRows(server).stream()
            .filter(r -> r.status().equals("sent")).findFirst().orElseThrow();
        long size = sent.treeSize();
        assertWaitingWithoutBackoff(server, sent);
        long nonce = AnchoringSupport.transactionCount(chain, account);

        AnchoringSupport.rpc(chain, "anvil_setCode", "[\"" + contract + "\", \"" + code + "\"]");
        AnchoringSupport.rpc(chain, "evm_mine", "[]");
        AnchoringSupport.rpc(chain, "anvil_setCode", "[\"" + contract + "\", \"" + original + "\"]");
        AnchoringSupport.rpc(chain, "evm_setAutomine", "[true]");
        AnchoringSupport.rpc(chain, "evm_mine", "[]");
        JsonNode lost = AnchoringSupport.rpc(chain, "eth_getTransactionReceipt", "[\"" + sent.txHash() + "\"]");
        assertEquals(receiptStatus, lost.get("status").asText(), lost.toString());
        assertEquals(0, lost.get("logs").size(), "no Anchored event: " + lost);

        AnchoringSupport.await("the size anchored anew", Duration.ofSeconds(15),
            () -> row(server, size).status().equals("confirmed"));
        AnchorRow confirmed = row(server, size);
        System.out.println("mined without anchoring: " + sent.txHash() + " (status " + receiptStatus
            + "); anchored anew: " + confirmed);
        assertNotEquals(sent.txHash().toLowerCase(), confirmed.txHash().toLowerCase());
        assertNull(confirmed.lastError());
        List<JsonNode> events = AnchoringSupport.anchoredEvents(chain, contract, size);
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).get("transactionHash").asText().equalsIgnoreCase(confirmed.txHash()));
        Thread.sleep(600); // more rounds: nothing more is sent
        assertEquals(nonce + 2, AnchoringSupport.transactionCount(chain, account),
            "the transaction that did not anchor and the one that did, nothing else");
        assertVerified(server, path);
      } finally {
        AnchoringSupport.rpc(chain, "anvil_setCode", "[\"" + contract + "\", \"" + original + "\"]");
        AnchoringSupport.rpc(chain, "evm_setAutomine", "[true]");
      }
    }
  }

  @Test
  void anAnchorSentByAnotherInstanceIsRecordedNotSentTwice(LocalDevChain chain) throws Exception {
    int port = TestServer.freePort();
    try (TestServer server = TestServer.start(dataDir, port, properties(chain))) {
      AnchoringSupport.awaitAnchored(server, AnchoringSupport.issue(server, "First"), Duration.ofSeconds(20));
    }
    String contract = AnchoringSupport.contractAddress(dataDir, chain.chainId());

    // a new checkpoint with its outbox row, written while no worker runs
    long size;
    Hash root;
    String path;
    try (TestServer server = TestServer.start(dataDir, port, Map.of())) {
      path = AnchoringSupport.issue(server, "Contested");
      AnchoringSupport.await("checkpoint 2", Duration.ofSeconds(10),
          () -> AnchoringSupport.newestCheckpoint(server).getKey() == 2);
      Map.Entry<Long, Hash> checkpoint = AnchoringSupport.newestCheckpoint(server);
      size = checkpoint.getKey();
      root = checkpoint.getValue();
      AnchoringSupport.insertAnchorRow(server, size, root, "pending");
    }

    try (Web3jAnchorLedger other =
        Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain)).withContract(contract)) {
      // the other instance's anchor waits in the mempool: not on the ledger yet, but a second one cannot pass anvil's
      // simulation (it runs against the pending state)
      AnchoringSupport.rpc(chain, "evm_setAutomine", "[false]");
      long nonce = AnchoringSupport.transactionCount(chain, other.account());
      String winner = assertInstanceOf(SendResult.Sent.class, other.send(size, root.bytes())).txHash();

      try (TestServer server = TestServer.start(dataDir, port, properties(chain))) {
        AnchoringSupport.await("the worker refused", Duration.ofSeconds(15),
            () -> row(server, size).lastError() != null && row(server, size).lastError().contains("already anchored"));
        AnchoringSupport.rpc(chain, "evm_setAutomine", "[true]");
        AnchoringSupport.rpc(chain, "evm_mine", "[]");

        AnchoringSupport.await("the other instance's anchor recorded", Duration.ofSeconds(15),
            () -> row(server, size).status().equals("confirmed"));
        AnchorRow confirmed = row(server, size);
        System.out.println("anchored by another instance: " + confirmed);
        assertTrue(confirmed.txHash().equalsIgnoreCase(winner), "the transaction that anchored the size: " + confirmed);
        assertNull(confirmed.lastError());
        assertEquals(1, AnchoringSupport.anchoredEvents(chain, contract, size).size());
        Thread.sleep(600);
        assertEquals(nonce + 1, AnchoringSupport.transactionCount(chain, other.account()), "the worker sent nothing");
        JsonNode anchor = AnchoringSupport.awaitAnchored(server, path, Duration.ofSeconds(5));
        assertTrue(anchor.get("transactionHash").asText().equalsIgnoreCase(winner), anchor.toString());
      }
    } finally {
      AnchoringSupport.rpc(chain, "evm_setAutomine", "[true]");
    }
  }

  /** Rounds that find the transaction not mined yet count as checks, never as failures: no backoff. */
  private static void assertWaitingWithoutBackoff(TestServer server, AnchorRow sent) throws InterruptedException {
    Thread.sleep(1_000); // five rounds
    AnchorRow waiting = row(server, sent.treeSize());
    assertEquals("sent", waiting.status());
    assertEquals(sent.txHash(), waiting.txHash());
    assertTrue(waiting.attempts() >= sent.attempts() + 3, "checked every round: " + sent + " then " + waiting);
    assertEquals(0, AnchoringSupport.queryLong(server,
        "select failures from log_anchor where tree_size = " + sent.treeSize()), "waiting is not failing");
    assertEquals(0, AnchoringSupport.queryLong(server, "select count(*) from log_anchor where tree_size = "
        + sent.treeSize() + " and next_attempt_at is not null"), "and sets no backoff");
  }

  private static void assertVerified(TestServer server, String path) throws InterruptedException {
    AnchoringSupport.awaitAnchored(server, path, Duration.ofSeconds(5));
    JsonNode enveloped = TestServer.json(server.get(path, "application/json"));
    JsonNode report = TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
    assertTrue(report.get("verified").asBoolean(), report.toString());
    assertEquals("passed", AnchoringEndToEndIT.check(report, Checks.ANCHOR).get("status").asText(), report.toString());
  }

  private static Map<String, Object> properties(LocalDevChain chain) {
    return AnchoringSupport.ledgerProperties(chain, "200ms", 256);
  }

  private static AnchorRow row(TestServer server, long size) {
    return AnchoringSupport.anchorRows(server).stream().filter(r -> r.treeSize() == size).findFirst().orElseThrow();
  }
}
