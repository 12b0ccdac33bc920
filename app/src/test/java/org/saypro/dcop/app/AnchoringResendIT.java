package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.AnchoringSupport.AnchorRow;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.ledger.LedgerSettings;
import org.saypro.dcop.ledger.LocalDevChain;
import org.saypro.dcop.ledger.Web3jAnchorLedger;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/**
 * Regression tests for two anchoring defects found while writing the anchoring ITs:
 *
 * <ol>
 *   <li>{@code AnchorStore.markSent} never resets {@code attempts}: after more than 60 failed rounds (an outage of
 *       30 minutes at the default interval) every transaction that is not confirmed by the very next round is taken
 *       back to 'pending' and, on nodes that simulate against the latest block, sent again.
 *   <li>{@code LedgerWiring} trusts a remembered contract address without checking that a contract answers there:
 *       after the dev chain lost its state, every anchor is a plain transfer to an empty address that "succeeds" with
 *       no Anchored event, and with (1) a new transaction goes out every other round, forever.
 * </ol>
 */
class AnchoringResendIT {

  @TempDir Path dataDir;

  @Test
  void aTransactionSentAfterALongOutageGetsItsFullGracePeriod() throws Exception {
    try (LocalDevChain chain = LocalDevChain.builder().binary(AnvilExtension.anvil()).start()) {
      int port = TestServer.freePort();
      Map<String, Object> anchoring = AnchoringSupport.ledgerProperties(chain, "100ms", 256);
      try (TestServer server = TestServer.start(dataDir, port, anchoring)) {
        AnchoringSupport.awaitAnchored(server, AnchoringSupport.issue(server, "First"), Duration.ofSeconds(20));
      }
      // what 61 failed rounds of an outage leave: an open row with many attempts (written by hand, no worker running)
      long size;
      try (TestServer server = TestServer.start(dataDir, port, Map.of())) {
        AnchoringSupport.issue(server, "Second");
        AnchoringSupport.await("checkpoint 2", Duration.ofSeconds(10),
            () -> AnchoringSupport.newestCheckpoint(server).getKey() == 2);
        Map.Entry<Long, Hash> checkpoint = AnchoringSupport.newestCheckpoint(server);
        size = checkpoint.getKey();
        AnchoringSupport.insertAnchorRow(server, size, checkpoint.getValue(), "pending");
        try (Connection sql = server.sql()) {
          sql.createStatement().executeUpdate("update log_anchor set attempts = 61, last_error = 'node down'"
              + " where tree_size = " + size);
        }
      }
      // the chain is back but slow: the transaction waits in the mempool
      AnchoringSupport.rpc(chain, "evm_setAutomine", "[false]");
      try (TestServer server = TestServer.start(dataDir, port, anchoring)) {
        AnchoringSupport.await("the anchor sent", Duration.ofSeconds(10),
            () -> row(server, size).status().equals("sent"));
        Thread.sleep(1_500); // 15 rounds, far fewer than the 60 checks a sent transaction is given
        AnchorRow row = row(server, size);
        AnchoringSupport.rpc(chain, "evm_setAutomine", "[true]");
        AnchoringSupport.rpc(chain, "evm_mine", "[]");
        assertEquals("sent", row.status(), "still waiting for its transaction: " + row);
      }
    }
  }

  @Test
  void aRememberedContractThatIsGoneIsNotAnchoredToForever() throws Exception {
    int port = TestServer.freePort();
    try (LocalDevChain first = LocalDevChain.builder().binary(AnvilExtension.anvil()).start();
        TestServer server = TestServer.start(dataDir, port, AnchoringSupport.ledgerProperties(first, "100ms", 256))) {
      AnchoringSupport.awaitAnchored(server, AnchoringSupport.issue(server, "First"), Duration.ofSeconds(20));
    }
    // the dev chain lost its state (e.g. anvil never wrote its state file), the data directory did not
    try (LocalDevChain reset = LocalDevChain.builder().binary(AnvilExtension.anvil()).start()) {
      TestServer server;
      try {
        server = TestServer.start(dataDir, port, AnchoringSupport.ledgerProperties(reset, "50ms", 256));
      } catch (RuntimeException refused) {
        return; // failing fast with "no contract at the remembered address" is a fix too
      }
      try (server;
          Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(reset))) {
        AnchoringSupport.issue(server, "Second");
        Thread.sleep(6_000); // 120 rounds
        long sent = AnchoringSupport.transactionCount(reset, ledger.account());
        System.out.println("after a chain reset: " + sent + " transactions in 6 s; " + AnchoringSupport.anchorRows(server));
        assertTrue(sent <= 2, "at most a new deployment and one anchor, not " + sent + " transactions");
      }
    }
  }

  private static AnchorRow row(TestServer server, long size) {
    return AnchoringSupport.anchorRows(server).stream().filter(r -> r.treeSize() == size).findFirst().orElseThrow();
  }
}
