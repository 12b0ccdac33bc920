package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.AnchoringSupport.AnchorRow;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.ledger.LocalDevChain;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/**
 * A chain reorganisation after an anchor was confirmed (anvil's {@code anvil_reorg} replaces the newest blocks): an
 * anchor that vanished is anchored again, one that moved to another block is recorded there, and neither is anchored
 * twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(AnvilExtension.class)
class AnchoringReorgIT {

  @TempDir static Path dataDir;
  private TestServer server;
  private LocalDevChain chain;
  private String contract;

  @BeforeAll
  void start(LocalDevChain chain) throws Exception {
    this.chain = chain;
    Map<String, Object> properties = AnchoringSupport.ledgerProperties(chain, "200ms", 256);
    server = TestServer.start(dataDir, TestServer.freePort(), properties);
    AnchoringSupport.awaitAnchored(server, AnchoringSupport.issue(server, "First"), Duration.ofSeconds(20));
    contract = AnchoringSupport.contractAddress(dataDir, chain.chainId());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void anAnchorReorganisedAwayIsAnchoredAgain() throws Exception {
    String path = AnchoringSupport.issue(server, "Reorganised away");
    long size = AnchoringSupport.awaitAnchored(server, path, Duration.ofSeconds(20)).get("treeSize").asLong();
    AnchorRow before = row(size);
    List<AnchorRow> othersBefore = others(size);
    String account = AnchoringSupport.rpc(chain, "eth_accounts", "[]").get(0).asText();
    long nonceBefore = AnchoringSupport.transactionCount(chain, account);
    long head = head();
    assertEquals(head, before.blockNumber(), "automine: the anchor is in the newest block");

    // the newest block, and with it the anchoring transaction, is replaced by an empty one
    // (the worker may notice within milliseconds: what the chain looks like right after is not asserted)
    AnchoringSupport.rpc(chain, "anvil_reorg", "[1, []]");

    AnchoringSupport.await("the vanished anchor noticed", Duration.ofSeconds(10), () -> {
      AnchorRow now = row(size);
      return !now.status().equals("confirmed") || !now.blockNumber().equals(before.blockNumber());
    });
    AnchoringSupport.await("the size anchored again", Duration.ofSeconds(15),
        () -> row(size).status().equals("confirmed"));
    AnchorRow after = row(size);
    System.out.println("reorganised away: " + before + "\n  anchored again: " + after);

    List<JsonNode> events = AnchoringSupport.anchoredEvents(chain, contract, size);
    assertEquals(1, events.size(), "exactly one anchor of size " + size + ": " + events);
    JsonNode event = events.get(0);
    assertTrue(event.get("transactionHash").asText().equalsIgnoreCase(after.txHash()), after + " vs " + event);
    assertEquals(AnchoringSupport.hexLong(event.get("blockNumber").asText()), after.blockNumber());
    assertTrue(after.blockNumber() > head, "a new block: " + after.blockNumber() + " after " + head);
    assertEquals(before.root(), after.root());
    assertNull(after.lastError());
    assertEquals(nonceBefore, AnchoringSupport.transactionCount(chain, account),
        "one new transaction replaced the lost one, no more");
    assertEquals(othersBefore, others(size), "the older anchors were not touched");

    JsonNode anchor = AnchoringSupport.awaitAnchored(server, path, Duration.ofSeconds(5));
    assertEquals(after.blockNumber().longValue(), anchor.get("blockNumber").asLong());
    assertVerified(path);
  }

  @Test
  void anAnchorMovedToAnotherBlockIsRecordedThere() throws Exception {
    String path = AnchoringSupport.issue(server, "Moved");
    long size = AnchoringSupport.awaitAnchored(server, path, Duration.ofSeconds(20)).get("treeSize").asLong();
    AnchorRow before = row(size);
    String account = AnchoringSupport.rpc(chain, "eth_accounts", "[]").get(0).asText();
    long nonceBefore = AnchoringSupport.transactionCount(chain, account);
    String raw = AnchoringSupport.rpc(chain, "eth_getRawTransactionByHash", "[\"" + before.txHash() + "\"]").asText();

    // one empty block on top, then the two newest blocks are replaced: the same transaction, one block later
    AnchoringSupport.rpc(chain, "evm_mine", "[]");
    AnchoringSupport.rpc(chain, "anvil_reorg", "[2, [[\"" + raw + "\", 1]]]");
    List<JsonNode> moved = AnchoringSupport.anchoredEvents(chain, contract, size);
    assertEquals(1, moved.size());
    long newBlock = AnchoringSupport.hexLong(moved.get(0).get("blockNumber").asText());
    assertEquals(before.blockNumber() + 1, newBlock, "the test's premise: the anchor moved one block on");

    AnchoringSupport.await("the moved anchor recorded in its new block", Duration.ofSeconds(10),
        () -> {
          AnchorRow now = row(size);
          return now.status().equals("confirmed") && now.blockNumber() == newBlock;
        });
    AnchorRow after = row(size);
    System.out.println("moved: " + before + "\n  now: " + after);
    assertTrue(after.txHash().equalsIgnoreCase(before.txHash()), "the same transaction: " + after);
    assertEquals(nonceBefore, AnchoringSupport.transactionCount(chain, account), "nothing was sent again");
    assertEquals(1, AnchoringSupport.anchoredEvents(chain, contract, size).size());
    Thread.sleep(600); // three more rounds: the row stays as it is
    assertEquals(after, row(size));
    assertNotEquals(before.blockNumber(), after.blockNumber());
    assertEquals(newBlock, AnchoringSupport.awaitAnchored(server, path, Duration.ofSeconds(5)).get("blockNumber").asLong());
    assertVerified(path);
  }

  private void assertVerified(String path) {
    JsonNode enveloped = TestServer.json(server.get(path, "application/json"));
    JsonNode report = TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
    assertTrue(report.get("verified").asBoolean(), report.toString());
    assertEquals("passed", AnchoringEndToEndIT.check(report, Checks.ANCHOR).get("status").asText(), report.toString());
  }

  private long head() {
    return AnchoringSupport.hexLong(AnchoringSupport.rpc(chain, "eth_blockNumber", "[]").asText());
  }

  private AnchorRow row(long size) {
    return AnchoringSupport.anchorRows(server).stream().filter(r -> r.treeSize() == size).findFirst().orElseThrow();
  }

  private List<AnchorRow> others(long size) {
    return AnchoringSupport.anchorRows(server).stream().filter(r -> r.treeSize() != size).toList();
  }
}
