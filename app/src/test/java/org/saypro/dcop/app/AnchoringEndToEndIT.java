package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saypro.dcop.app.AnchoringSupport.awaitAnchored;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * 1,000 credentials issued concurrently over HTTP are all anchored on a real local chain (anvil) with a handful of
 * transactions, and a random sample of them verifies with the anchor check passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(AnvilExtension.class)
class AnchoringEndToEndIT {

  private static final int CREDENTIALS = 1_000;
  private static final int SAMPLE = 30;
  private static final int MAX_TRANSACTIONS = 50;

  @TempDir static Path dataDir;
  private TestServer server;
  private LocalDevChain chain;
  private Web3jAnchorLedger ledger;

  @BeforeAll
  void start(LocalDevChain chain) {
    this.chain = chain;
    server = TestServer.start(dataDir, TestServer.freePort(), AnchoringSupport.ledgerProperties(chain, "300ms", 256));
    ledger = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain))
        .withContract(AnchoringSupport.contractAddress(dataDir, chain.chainId()));
  }

  @AfterAll
  void stop() {
    if (ledger != null) {
      ledger.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aThousandCredentialsAreAnchoredWithFewTransactions() throws Exception {
    long started = System.nanoTime();
    List<String> paths = issueConcurrently(CREDENTIALS, 8);
    long issuedAt = System.nanoTime();
    assertEquals(CREDENTIALS, paths.stream().distinct().count());

    long seed = System.nanoTime();
    List<String> sample = new ArrayList<>(paths);
    Collections.shuffle(sample, new Random(seed));
    sample = sample.subList(0, SAMPLE);
    for (String path : sample) {
      JsonNode anchor = awaitAnchored(server, path, Duration.ofSeconds(60));
      byte[] onChain = ledger.rootAt(anchor.get("treeSize").asLong()).orElseThrow();
      assertArrayEquals(Hash.fromHex(anchor.get("root").asText()).bytes(), onChain, "the chain holds the root");
    }
    // the sample says little about the others: the newest confirmed anchor must cover the whole log
    AnchoringSupport.await("an anchor covering all " + CREDENTIALS + " entries", Duration.ofSeconds(60),
        () -> AnchoringSupport.newestConfirmedSize(server) >= CREDENTIALS);
    long anchoredAt = System.nanoTime();
    assertEquals(CREDENTIALS, AnchoringSupport.queryLong(server, "select count(*) from log_entry"));
    assertEquals(0, AnchoringSupport.queryLong(server, "select count(*) from log_entry where leaf_index is null"));

    java.util.Set<String> anchoringTransactions = new java.util.HashSet<>();
    for (String path : sample) {
      JsonNode enveloped = TestServer.json(server.get(path, "application/json"));
      JsonNode report = TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
      assertTrue(report.get("verified").asBoolean(), report.toString());
      JsonNode anchorCheck = check(report, Checks.ANCHOR);
      assertEquals("passed", anchorCheck.get("status").asText(), path + " (seed " + seed + "): " + anchorCheck);
      anchoringTransactions.add(anchorCheck.path("transaction").path("hash").asText());
    }

    List<AnchorRow> confirmed = AnchoringSupport.confirmedRows(server);
    // the report names, as data, a transaction the server really sent to anchor the log
    assertTrue(confirmed.stream().map(row -> row.txHash().toLowerCase()).collect(java.util.stream.Collectors.toSet())
        .containsAll(anchoringTransactions), anchoringTransactions.toString());
    long distinctTransactions = confirmed.stream().map(row -> row.txHash().toLowerCase()).distinct().count();
    List<JsonNode> events = AnchoringSupport.anchoredEvents(chain, ledger.contractAddress().orElseThrow(), null);
    // dev account 0 deployed the contract, then sent every anchoring transaction (reverted ones would count too)
    long sentByServer = AnchoringSupport.transactionCount(chain, ledger.account()) - 1;
    System.out.printf(
        "%d credentials issued over HTTP in %d ms (8 threads); all anchored %d ms after the last issuance;"
            + " anchoring transactions: %d confirmed outbox rows, %d distinct tx hashes, %d Anchored events,"
            + " %d transactions sent; anchored sizes %s%n",
        CREDENTIALS, (issuedAt - started) / 1_000_000, (anchoredAt - issuedAt) / 1_000_000, confirmed.size(),
        distinctTransactions, events.size(), sentByServer, confirmed.stream().map(AnchorRow::treeSize).toList());
    assertTrue(confirmed.size() >= 1 && confirmed.size() <= MAX_TRANSACTIONS,
        "one transaction covers many credentials: " + confirmed.size());
    assertEquals(confirmed.size(), distinctTransactions, "each anchor has its own transaction");
    assertEquals(confirmed.size(), events.size(), "one Anchored event per confirmed outbox row");
    assertEquals(confirmed.size(), sentByServer, "no transaction was wasted");
    assertEquals(AnchoringSupport.newestConfirmedSize(server), ledger.latestSize());
  }

  @Test
  void anAnchoredSizeCannotBeRewrittenWithAnotherRoot() throws Exception {
    String path = AnchoringSupport.issue(server, "Rewrite target");
    JsonNode anchor = awaitAnchored(server, path, Duration.ofSeconds(30));
    long size = anchor.get("treeSize").asLong();
    byte[] root = Hash.fromHex(anchor.get("root").asText()).bytes();
    byte[] forged = root.clone();
    forged[0] ^= 1;
    long nonce = AnchoringSupport.transactionCount(chain, ledger.account());

    // the server's own account (dev account 0 owns the contract) tries to replace the anchored root
    SendResult rewrite = ledger.send(size, forged);
    assertTrue(assertInstanceOf(SendResult.Rejected.class, rewrite).reason().contains("already anchored"),
        rewrite.toString());
    SendResult again = ledger.send(size, root);
    assertTrue(assertInstanceOf(SendResult.Rejected.class, again).reason().contains("already anchored"),
        again.toString());

    assertArrayEquals(root, ledger.rootAt(size).orElseThrow(), "the anchored root is unchanged");
    assertEquals(1, AnchoringSupport.anchoredEvents(chain, ledger.contractAddress().orElseThrow(), size).size());
    assertEquals(nonce, AnchoringSupport.transactionCount(chain, ledger.account()),
        "a refused rewrite is caught by the simulation and never sent");
    JsonNode enveloped = TestServer.json(server.get(path, "application/json"));
    JsonNode report = TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
    assertEquals("passed", check(report, Checks.ANCHOR).get("status").asText(), report.toString());
    assertFalse(AnchoringSupport.anchorRows(server).stream().anyMatch(row -> row.lastError() != null
        && row.status().equals("confirmed")), "confirmed rows carry no error");
  }

  private List<String> issueConcurrently(int count, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = "Learner " + i;
        futures.add(pool.submit(() -> AnchoringSupport.issue(server, name)));
      }
      List<String> paths = new ArrayList<>();
      for (Future<String> future : futures) {
        paths.add(future.get());
      }
      return paths;
    } finally {
      pool.shutdownNow();
    }
  }

  static JsonNode check(JsonNode report, String name) {
    for (JsonNode check : report.get("checks")) {
      if (check.get("check").asText().equals(name)) {
        return check;
      }
    }
    throw new AssertionError("no " + name + " check in " + report);
  }
}
