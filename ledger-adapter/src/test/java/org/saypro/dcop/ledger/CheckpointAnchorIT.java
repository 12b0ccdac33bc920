package org.saypro.dcop.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saypro.dcop.ledger.testing.AnvilExtension;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The contract and the web3j adapter against a real anvil; every test deploys its own contract. */
@ExtendWith(AnvilExtension.class)
class CheckpointAnchorIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final byte[] ROOT_A = root("A");
  private static final byte[] ROOT_B = root("B");
  private static final byte[] ROOT_C = root("C");

  private final LocalDevChain chain;
  private Web3jAnchorLedger owner;

  CheckpointAnchorIT(LocalDevChain chain) {
    this.chain = chain;
  }

  @BeforeEach
  void deploy() {
    try (Web3jAnchorLedger deployer = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain))) {
      AnchorReceipt receipt = mined(deployer, deployer.deploy());
      assertTrue(receipt.createdContract().isPresent());
      owner = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain).withContractAddress(receipt.contractAddress()));
    }
  }

  @AfterEach
  void close() {
    owner.close();
  }

  @Test
  void anchorsAndReadsRootsBack() {
    assertEquals(0, owner.latestSize());
    assertTrue(owner.rootAt(10).isEmpty());

    AnchorReceipt first = mined(owner, owner.send(10, ROOT_A));
    assertTrue(first.succeeded());
    assertTrue(first.confirmedBy(1));
    assertArrayEquals(ROOT_A, owner.rootAt(10).orElseThrow());
    assertEquals(10, owner.latestSize());

    mined(owner, owner.send(20, ROOT_B));
    assertArrayEquals(ROOT_B, owner.rootAt(20).orElseThrow());
    assertArrayEquals(ROOT_A, owner.rootAt(10).orElseThrow());
    assertTrue(owner.rootAt(15).isEmpty());
    assertEquals(20, owner.latestSize());
  }

  @Test
  void refusesToRewriteAnAnchoredSize() {
    mined(owner, owner.send(10, ROOT_A));
    mined(owner, owner.send(20, ROOT_B));

    assertRejected(owner.send(10, ROOT_C), "CheckpointAnchor: tree size already anchored");
    assertRejected(owner.send(10, ROOT_A), "CheckpointAnchor: tree size already anchored");
    assertRejected(owner.send(20, ROOT_C), "CheckpointAnchor: tree size already anchored");
    assertArrayEquals(ROOT_A, owner.rootAt(10).orElseThrow());
    assertArrayEquals(ROOT_B, owner.rootAt(20).orElseThrow());
  }

  @Test
  void refusesASizeNotAboveTheLatest() {
    mined(owner, owner.send(20, ROOT_B));
    assertRejected(owner.send(5, ROOT_A), "CheckpointAnchor: tree size not above latest anchored size");
    assertTrue(owner.rootAt(5).isEmpty());
    assertEquals(20, owner.latestSize());
  }

  @Test
  void refusesAZeroRoot() {
    assertRejected(owner.send(10, new byte[32]), "CheckpointAnchor: zero root");
  }

  @Test
  void onlyTheOwnerAnchors() {
    LedgerSettings other = LedgerSettings.forDevChain(chain, 1).withContractAddress(owner.contractAddress().get());
    try (Web3jAnchorLedger stranger = Web3jAnchorLedger.connect(other)) {
      assertRejected(stranger.send(10, ROOT_A), "CheckpointAnchor: caller is not the owner");
    }
    assertTrue(owner.rootAt(10).isEmpty());
  }

  @Test
  void findsTheAnchoredEventOfASize() {
    mined(owner, owner.send(10, ROOT_A));
    String txHash = ((SendResult.Sent) owner.send(20, ROOT_B)).txHash();
    AnchorReceipt receipt = owner.awaitReceipt(txHash, TIMEOUT).orElseThrow();

    AnchoredEvent event = owner.findAnchored(20).orElseThrow();
    assertEquals(20, event.treeSize());
    assertArrayEquals(ROOT_B, event.root());
    assertEquals(txHash, event.txHash());
    assertEquals(receipt.blockNumber(), event.blockNumber());
    assertEquals(receipt.blockHash(), event.blockHash());
    assertEquals(owner.blockTime(receipt.blockNumber()), event.timestamp());

    assertArrayEquals(ROOT_A, owner.findAnchored(10).orElseThrow().root());
    assertTrue(owner.findAnchored(15).isEmpty());
    assertEquals(txHash, owner.findAnchored(20, receipt.blockNumber()).orElseThrow().txHash());
    assertTrue(owner.findAnchored(10, receipt.blockNumber()).isEmpty(), "size 10 was anchored in an earlier block");
  }

  @Test
  void eventsOfAnotherContractAreNotFound() {
    mined(owner, owner.send(10, ROOT_A));
    try (Web3jAnchorLedger deployer = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain))) {
      String otherContract = mined(deployer, deployer.deploy()).contractAddress();
      try (Web3jAnchorLedger other = deployer.withContract(otherContract)) {
        assertTrue(other.findAnchored(10).isEmpty());
        assertTrue(other.rootAt(10).isEmpty());
      }
    }
  }

  @Test
  void blockNumbersAndTimesAdvance() {
    long before = owner.blockNumber();
    AnchorReceipt receipt = mined(owner, owner.send(10, ROOT_A));
    assertTrue(receipt.blockNumber() > before);
    assertEquals(receipt.blockNumber(), owner.blockNumber());
    assertFalse(owner.blockTime(receipt.blockNumber()).isBefore(owner.blockTime(before)));
  }

  @Test
  void aWrongChainIdIsRejected() {
    LedgerSettings wrong =
        new LedgerSettings(
            chain.rpcUrl(), 1, owner.contractAddress().get(), chain.devPrivateKey(0),
            LedgerSettings.DEFAULT_MAX_GAS_PRICE, LedgerSettings.DEFAULT_MAX_GAS_LIMIT, 1, Duration.ofMillis(50));
    try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(wrong)) {
      SendResult result = ledger.send(10, ROOT_A);
      assertTrue(assertInstanceOf(SendResult.Rejected.class, result).reason().contains("serves chain 31337"));
    }
  }

  @Test
  void aGasPriceAboveTheCapWaits() {
    LedgerSettings cheap = owner.settings().withMaxGasPrice(BigInteger.ONE);
    try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(cheap)) {
      SendResult result = ledger.send(10, ROOT_A);
      assertTrue(assertInstanceOf(SendResult.Unavailable.class, result).reason().contains("above the cap"));
    }
  }

  @Test
  void aGasEstimateAboveTheCapIsRejected() {
    LedgerSettings tight = owner.settings().withMaxGasLimit(BigInteger.valueOf(30_000));
    try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(tight)) {
      SendResult result = ledger.send(10, ROOT_A);
      assertTrue(assertInstanceOf(SendResult.Rejected.class, result).reason().contains("above the cap"));
    }
  }

  @Test
  void waitsForTheConfiguredConfirmations() {
    LedgerSettings twoBlocks = owner.settings().withConfirmations(2);
    try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(twoBlocks)) {
      String txHash = ((SendResult.Sent) ledger.send(10, ROOT_A)).txHash();
      // anvil mines one block per transaction: with nothing else sent, a second confirmation never comes.
      assertTrue(ledger.awaitReceipt(txHash, Duration.ofMillis(300)).isEmpty());
      assertEquals(1, ledger.receipt(txHash).orElseThrow().confirmations());
      mined(owner, owner.send(20, ROOT_B));
      AnchorReceipt receipt = ledger.awaitReceipt(txHash, TIMEOUT).orElseThrow();
      assertEquals(2, receipt.confirmations());
      assertTrue(receipt.confirmedBy(2));
    }
  }

  @Test
  void devKeysAreAnvilsAccounts() throws Exception {
    Web3j web3j = Web3j.build(new HttpService(chain.rpcUrl()));
    try {
      List<String> accounts =
          web3j.ethAccounts().send().getAccounts().stream().map(String::toLowerCase).collect(Collectors.toList());
      for (int i = 0; i < 10; i++) {
        assertEquals(accounts.get(i), Credentials.create(chain.devPrivateKey(i)).getAddress(), "account " + i);
      }
    } finally {
      web3j.shutdown();
    }
  }

  private static AnchorReceipt mined(AnchorLedger ledger, SendResult result) {
    SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, result, () -> "not sent: " + result);
    AnchorReceipt receipt = ledger.awaitReceipt(sent.txHash(), TIMEOUT).orElseThrow();
    assertTrue(receipt.succeeded(), () -> "reverted: " + receipt);
    return receipt;
  }

  private static void assertRejected(SendResult result, String reason) {
    assertEquals(new SendResult.Rejected(reason), result);
  }

  private static byte[] root(String seed) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
