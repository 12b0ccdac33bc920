package org.saypro.dcop.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.anchor.AnchorCheckpoints.Lookup;
import org.saypro.dcop.core.anchor.AnchorCheckpoints.Tracking;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.ledger.testing.AnvilExtension;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;

/**
 * The anchoring port over a real anvil: confirmations are counted by {@code lookup}/{@code find} as well as by
 * {@code track}, and a mined transaction that did not anchor (reverted, or no event) is failed, not waiting.
 */
@ExtendWith(AnvilExtension.class)
class LedgerAnchorCheckpointsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Hash ROOT_A = root((byte) 0xA1);
  private static final Hash ROOT_B = root((byte) 0xB2);

  private final LocalDevChain chain;
  private HttpService rpc;
  private Web3jAnchorLedger owner;

  LedgerAnchorCheckpointsIT(LocalDevChain chain) {
    this.chain = chain;
  }

  @BeforeEach
  void deploy() {
    rpc = new HttpService(chain.rpcUrl());
    try (Web3jAnchorLedger deployer = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain))) {
      String contract = mined(deployer, deployer.deploy()).contractAddress();
      owner = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain).withContractAddress(contract));
    }
  }

  @AfterEach
  void close() throws IOException {
    owner.close();
    rpc.close();
  }

  @Test
  void anEventIsNoAnchorUntilItHasTheConfiguredConfirmations() {
    AnchorCheckpoints port = new LedgerAnchorCheckpoints(owner, 3, "test");
    String tx = assertInstanceOf(AnchorCheckpoints.Submission.Sent.class, port.submit(10, ROOT_A)).transactionHash();
    AnchorReceipt receipt = owner.awaitReceipt(tx, TIMEOUT).orElseThrow(); // the owner's own settings: 1 block
    assertEquals(owner.blockNumber(), receipt.blockNumber(), "automine: the anchor is in the newest block");

    assertTrue(port.find(10).isEmpty(), "1 of 3 confirmations: not an anchor yet");
    Lookup.Unconfirmed one = assertInstanceOf(Lookup.Unconfirmed.class, port.lookup(10, 0));
    assertEquals(1, one.confirmations());
    assertEquals(tx, one.anchor().transactionHash());
    assertTrue(assertInstanceOf(Tracking.Waiting.class, port.track(tx, 10)).reason().contains("1 of 3"));

    mine();
    assertTrue(port.find(10).isEmpty(), "2 of 3 confirmations: still not an anchor");
    assertEquals(2, assertInstanceOf(Lookup.Unconfirmed.class, port.lookup(10, 0)).confirmations());
    assertInstanceOf(Tracking.Waiting.class, port.track(tx, 10));

    mine();
    AnchorCheckpoints.Anchor anchor = port.find(10).orElseThrow(() -> new AssertionError("3 confirmations"));
    assertEquals(tx, anchor.transactionHash());
    assertEquals(receipt.blockNumber(), anchor.blockNumber());
    assertEquals(ROOT_A, anchor.root());
    assertEquals(anchor, assertInstanceOf(Lookup.Confirmed.class, port.lookup(10, receipt.blockNumber())).anchor());
    assertEquals(anchor, assertInstanceOf(Tracking.Confirmed.class, port.track(tx, 10)).anchor());

    assertInstanceOf(Lookup.Absent.class, port.lookup(11, 0));
    assertInstanceOf(Lookup.Absent.class, port.lookup(10, receipt.blockNumber() + 1), "searched after its block");
    assertTrue(new LedgerAnchorCheckpoints(owner, 1, "test").find(10).isPresent());
  }

  @Test
  void aRevertedTransactionFailsAndTheSizeIsFoundWhereItWasAnchored() {
    AnchorCheckpoints port = new LedgerAnchorCheckpoints(owner, 1, "test");
    String anchored = ((SendResult.Sent) owner.send(10, ROOT_A.bytes())).txHash();
    mined(owner, new SendResult.Sent(anchored));

    // a second anchor of size 10, sent without the simulation that Web3jAnchorLedger runs first: it is mined, reverted
    String reverted = sendUnsimulated(Web3jAnchorLedger.anchorCalldata(10, ROOT_B.bytes()));
    AnchorReceipt receipt = owner.awaitReceipt(reverted, TIMEOUT).orElseThrow();
    assertFalse(receipt.succeeded(), "the contract refused a second anchor of size 10");

    Tracking.Failed failed = assertInstanceOf(Tracking.Failed.class, port.track(reverted, 10));
    assertTrue(failed.reason().contains("reverted"), failed.reason());
    AnchorCheckpoints.Anchor anchor = assertInstanceOf(Lookup.Confirmed.class, port.lookup(10, 0)).anchor();
    assertEquals(anchored, anchor.transactionHash());
    assertEquals(ROOT_A, anchor.root());
  }

  @Test
  void aSuccessfulTransactionWithoutTheEventFails() {
    // the transaction anchors size 10 on another contract: it succeeds, but this contract logged nothing for it
    String otherContract;
    try (Web3jAnchorLedger deployer = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain))) {
      otherContract = mined(deployer, deployer.deploy()).contractAddress();
    }
    String elsewhere;
    try (Web3jAnchorLedger other = Web3jAnchorLedger.connect(owner.settings().withContractAddress(otherContract))) {
      elsewhere = ((SendResult.Sent) other.send(10, ROOT_A.bytes())).txHash();
      assertTrue(mined(other, new SendResult.Sent(elsewhere)).succeeded());
    }
    AnchorCheckpoints port = new LedgerAnchorCheckpoints(owner, 1, "test");
    Tracking.Failed failed = assertInstanceOf(Tracking.Failed.class, port.track(elsewhere, 10));
    assertTrue(failed.reason().contains("without an Anchored event"), failed.reason());
    assertInstanceOf(Lookup.Absent.class, port.lookup(10, 0));
  }

  @Test
  void aLedgerThatCannotBeAskedIsUnavailableNotAbsent() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    try (Web3jAnchorLedger down =
        Web3jAnchorLedger.connect(owner.settings().withRpcUrl("http://127.0.0.1:" + port))) {
      AnchorCheckpoints ledger = new LedgerAnchorCheckpoints(down, 1, "down");
      assertInstanceOf(Lookup.Unavailable.class, ledger.lookup(10, 0));
      assertInstanceOf(Tracking.Unavailable.class, ledger.track("0x" + "11".repeat(32), 10));
      assertEquals(Optional.empty(), ledger.find(10));
      assertInstanceOf(AnchorCheckpoints.Submission.Unavailable.class, ledger.submit(10, ROOT_A));
    }
  }

  private void mine() {
    try {
      Response<?> answer = new Request<>("evm_mine", List.of(), rpc, GenericResponse.class).send();
      assertFalse(answer.hasError(), () -> "evm_mine: " + answer.getError().getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs and sends a call to the contract with a fixed gas limit and no eth_estimateGas. */
  private String sendUnsimulated(String data) {
    Web3j web3j = Web3j.build(rpc);
    RawTransactionManager manager =
        new RawTransactionManager(web3j, Credentials.create(chain.devPrivateKey(0)), chain.chainId());
    try {
      BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
      EthSendTransaction sent =
          manager.sendTransaction(gasPrice, BigInteger.valueOf(200_000), owner.contractAddress().orElseThrow(), data,
              BigInteger.ZERO);
      assertFalse(sent.hasError(), () -> "not sent: " + sent.getError().getMessage());
      return sent.getTransactionHash();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AnchorReceipt mined(AnchorLedger ledger, SendResult result) {
    SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, result, () -> "not sent: " + result);
    return ledger.awaitReceipt(sent.txHash(), TIMEOUT).orElseThrow();
  }

  private static Hash root(byte value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, value);
    return new Hash(bytes);
  }

  /** Any JSON-RPC answer. */
  public static final class GenericResponse extends Response<Object> {}
}
