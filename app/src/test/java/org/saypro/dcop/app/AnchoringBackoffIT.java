package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.ledger.LedgerSettings;
import org.saypro.dcop.ledger.LocalDevChain;
import org.saypro.dcop.ledger.Web3jAnchorLedger;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/**
 * Failed anchoring attempts back off exponentially, as the outbox records them (each failure's time and the time
 * before which no new attempt is made), and the backoff is kept in the database, so a restart honours it.
 */
class AnchoringBackoffIT {

  private static final long BASE_MS = 100;
  private static final long MAX_MS = 1_600;

  @TempDir Path dataDir;
  @TempDir Path chainDir;

  /** The open anchor's backoff state, as the worker left it. */
  record Attempt(long treeSize, String status, int attempts, int failures, Instant updatedAt, Instant nextAttemptAt,
                 String lastError) {}

  @Test
  void attemptsDuringAnOutageAreSpacedIncreasinglyAndAnchoringResumesAfterIt() throws Exception {
    LocalDevChain chain =
        LocalDevChain.builder().binary(AnvilExtension.anvil()).stateFile(chainDir.resolve("anvil-state.json")).start();
    try (chain; TestServer server = TestServer.start(dataDir, TestServer.freePort(), properties(chain))) {
      AnchoringSupport.awaitAnchored(server, AnchoringSupport.issue(server, "Before"), Duration.ofSeconds(20));

      chain.stop();
      String during = AnchoringSupport.issue(server, "During");
      List<Attempt> failures = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
      while (System.nanoTime() - deadline < 0) {
        Optional<Attempt> open = openAttempt(server);
        if (open.isPresent() && open.get().failures() > 0
            && (failures.isEmpty() || open.get().failures() != failures.get(failures.size() - 1).failures())) {
          failures.add(open.get());
        }
        Thread.sleep(10);
      }
      System.out.println("failed attempts during the outage:");
      for (int i = 0; i < failures.size(); i++) {
        Attempt a = failures.get(i);
        System.out.printf("  failure %d at %s: next attempt after %d ms%s%n", a.failures(), a.updatedAt(),
            Duration.between(a.updatedAt(), a.nextAttemptAt()).toMillis(),
            i == 0 ? "" : ", " + Duration.between(failures.get(i - 1).updatedAt(), a.updatedAt()).toMillis()
                + " ms after the previous one");
      }

      // without backoff, 8 s at a 100 ms interval would have been about 70 attempts
      assertTrue(failures.size() >= 5 && failures.size() <= 10, "failures seen: " + failures.size());
      assertEquals(1, failures.get(0).failures(), failures.toString());
      for (int i = 0; i < failures.size(); i++) {
        Attempt a = failures.get(i);
        assertEquals(i + 1, a.failures(), "each failure counted once: " + failures);
        long nominal = Math.min(MAX_MS, BASE_MS << Math.min(i, 20));
        long delay = Duration.between(a.updatedAt(), a.nextAttemptAt()).toMillis();
        assertTrue(delay <= nominal + 1 && delay >= nominal * 8 / 10 - 1,
            "failure " + a.failures() + ": " + delay + " ms, expected " + nominal + " ms less up to 20% jitter");
        if (i > 0) {
          Attempt previous = failures.get(i - 1);
          assertTrue(!a.updatedAt().isBefore(previous.nextAttemptAt()),
              "failure " + a.failures() + " at " + a.updatedAt() + " came before its backoff ended at "
                  + previous.nextAttemptAt());
        }
      }
      long firstGap = gap(failures, 1);
      long lastGap = gap(failures, failures.size() - 1);
      assertTrue(firstGap < 600, "the first retry comes soon: " + firstGap + " ms");
      assertTrue(lastGap >= MAX_MS * 8 / 10, "later retries are spaced out to the cap: " + lastGap + " ms");
      assertTrue(failures.stream().allMatch(a -> a.lastError() != null && a.lastError().contains("cannot be reached")),
          failures.toString());

      chain.restart();
      long restarted = System.nanoTime();
      AnchoringSupport.awaitAnchored(server, during, Duration.ofSeconds(15));
      long recoveredMs = (System.nanoTime() - restarted) / 1_000_000;
      System.out.printf("anchored %d ms after the chain came back%n", recoveredMs);
      assertTrue(recoveredMs < MAX_MS + 3_000, "anchoring waits at most the cap after the outage: " + recoveredMs);
      Attempt confirmed = attempt(server, failures.get(0).treeSize()).orElseThrow();
      assertEquals("confirmed", confirmed.status());
      assertEquals(0, confirmed.failures(), "confirming ends the backoff");
      assertNull(confirmed.nextAttemptAt());
      assertNull(confirmed.lastError());
      assertNoDuplicateTransactions(server, chain);
    }
  }

  @Test
  void aBackoffInTheOutboxOutlivesARestart() throws Exception {
    try (LocalDevChain chain = LocalDevChain.builder().binary(AnvilExtension.anvil()).start()) {
      int port = TestServer.freePort();
      try (TestServer server = TestServer.start(dataDir, port, properties(chain))) {
        AnchoringSupport.awaitAnchored(server, AnchoringSupport.issue(server, "First"), Duration.ofSeconds(20));
      }
      // what a server stopped during a backoff leaves: an open anchor whose next attempt is 8 s away
      long size;
      try (TestServer server = TestServer.start(dataDir, port, Map.of())) {
        String second = AnchoringSupport.issue(server, "Second");
        AnchoringSupport.await("checkpoint 2", Duration.ofSeconds(10),
            () -> AnchoringSupport.newestCheckpoint(server).getKey() == 2);
        Map.Entry<Long, Hash> checkpoint = AnchoringSupport.newestCheckpoint(server);
        size = checkpoint.getKey();
        AnchoringSupport.insertAnchorRow(server, size, checkpoint.getValue(), "pending");
        try (Connection sql = server.sql()) {
          sql.createStatement().executeUpdate("update log_anchor set failures = 4, attempts = 4,"
              + " last_error = 'node down', next_attempt_at = now() + interval '8 seconds' where tree_size = " + size);
        }
        assertTrue(second.startsWith("/credentials/"));
      }
      try (TestServer server = TestServer.start(dataDir, port, properties(chain))) {
        Attempt backingOff = attempt(server, size).orElseThrow();
        Thread.sleep(2_500); // the worker's first round is 2 s after start, then every 100 ms
        Attempt stillWaiting = attempt(server, size).orElseThrow();
        assertEquals(1, AnchoringSupport.queryLong(server, "select count(*) from log_anchor where tree_size = " + size
            + " and next_attempt_at > now()"), "the test's premise: the backoff is not over yet");
        assertEquals("pending", stillWaiting.status(), "no attempt before the backoff ends: " + stillWaiting);
        assertEquals(backingOff.attempts(), stillWaiting.attempts());
        AnchoringSupport.await("the anchor confirmed after its backoff", Duration.ofSeconds(15),
            () -> attempt(server, size).map(a -> a.status().equals("confirmed")).orElse(false));
        Attempt confirmed = attempt(server, size).orElseThrow();
        assertTrue(!confirmed.updatedAt().isBefore(backingOff.nextAttemptAt()),
            "confirmed at " + confirmed.updatedAt() + ", the backoff ended at " + backingOff.nextAttemptAt());
        assertEquals(0, confirmed.failures());
        assertNoDuplicateTransactions(server, chain);
      }
    }
  }

  private static Map<String, Object> properties(LocalDevChain chain) {
    Map<String, Object> properties = AnchoringSupport.ledgerProperties(chain, "100ms", 256);
    properties.put("dcop.anchor.retry-base", BASE_MS + "ms");
    properties.put("dcop.anchor.retry-max", MAX_MS + "ms");
    return properties;
  }

  private static long gap(List<Attempt> failures, int index) {
    return Duration.between(failures.get(index - 1).updatedAt(), failures.get(index).updatedAt()).toMillis();
  }

  private static void assertNoDuplicateTransactions(TestServer server, LocalDevChain chain) {
    String contract = AnchoringSupport.contractAddress(server.dataDir, chain.chainId());
    try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain)).withContract(contract)) {
      List<AnchoringSupport.AnchorRow> confirmed = AnchoringSupport.confirmedRows(server);
      assertEquals(confirmed.size(), AnchoringSupport.anchoredEvents(chain, contract, null).size());
      assertEquals(confirmed.size() + 1, AnchoringSupport.transactionCount(chain, ledger.account()),
          "one deployment and one transaction per anchor: " + confirmed);
    }
  }

  private static Optional<Attempt> openAttempt(TestServer server) {
    return attempts(server, "status <> 'confirmed'");
  }

  private static Optional<Attempt> attempt(TestServer server, long treeSize) {
    return attempts(server, "tree_size = " + treeSize);
  }

  private static Optional<Attempt> attempts(TestServer server, String where) {
    try (Connection sql = server.sql();
        ResultSet r = sql.createStatement().executeQuery(
            "select tree_size, status, attempts, failures, updated_at, next_attempt_at, last_error from log_anchor"
                + " where " + where + " order by tree_size limit 1")) {
      if (!r.next()) {
        return Optional.empty();
      }
      java.sql.Timestamp next = r.getTimestamp(6);
      return Optional.of(new Attempt(r.getLong(1), r.getString(2), r.getInt(3), r.getInt(4),
          r.getTimestamp(5).toInstant(), next == null ? null : next.toInstant(), r.getString(7)));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
