package org.saypro.dcop.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

/** The parts of the adapter that need no chain: revert decoding, calldata, a node that is not there. */
class Web3jAnchorLedgerTest {

  private static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

  @Test
  void decodesTheRevertReasonFromErrorData() {
    // Error("CheckpointAnchor: zero root"), as a node returns it (JSON string kept as raw JSON by web3j).
    String data =
        "\"0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001b"
            + "436865636b706f696e74416e63686f723a207a65726f20726f6f740000000000\"";
    Response.Error error = new Response.Error(3, "execution reverted: something else");
    error.setData(data);
    assertEquals("CheckpointAnchor: zero root", Web3jAnchorLedger.revertReason(error));
  }

  @Test
  void fallsBackToTheRevertMessage() {
    Response.Error error = new Response.Error(-32000, "execution reverted: CheckpointAnchor: zero root");
    assertEquals("CheckpointAnchor: zero root", Web3jAnchorLedger.revertReason(error));
    assertNull(Web3jAnchorLedger.revertReason(new Response.Error(-32000, "nonce too low")));
  }

  @Test
  void anchorCalldataIsSelectorSizeAndRoot() {
    byte[] root = new byte[32];
    root[31] = 1;
    String data = Web3jAnchorLedger.anchorCalldata(10, root);
    assertEquals(2 + 2 * (4 + 32 + 32), data.length());
    assertEquals(
        "000000000000000000000000000000000000000000000000000000000000000a", data.substring(10, 74));
    // 4 non-zero selector bytes... plus zero and non-zero bytes, priced per EIP-2028.
    assertTrue(AnchorGasMeter.calldataGas(data) > 0);
  }

  @Test
  void aNodeThatIsDownIsAValueForSendsAndAnExceptionForReads() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    LedgerSettings settings =
        LedgerSettings.of("http://127.0.0.1:" + port, 31337, KEY).withContractAddress(CONTRACT);
    try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(settings)) {
      SendResult result = ledger.send(10, new byte[32]);
      SendResult.Unavailable unavailable = assertInstanceOf(SendResult.Unavailable.class, result);
      assertTrue(unavailable.reason().contains("cannot be reached"), unavailable.reason());
      assertInstanceOf(SendResult.Unavailable.class, ledger.deploy());
      assertThrows(LedgerUnavailableException.class, () -> ledger.rootAt(10));
      assertThrows(LedgerUnavailableException.class, ledger::latestSize);
      assertThrows(LedgerUnavailableException.class, () -> ledger.receipt("0x" + "00".repeat(32)));
    }
  }

  @Test
  void refusesBadArguments() {
    LedgerSettings settings = LedgerSettings.of("http://127.0.0.1:1", 31337, KEY);
    try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(settings)) {
      assertThrows(IllegalArgumentException.class, () -> ledger.send(0, new byte[32]));
      assertThrows(IllegalArgumentException.class, () -> ledger.send(1, new byte[31]));
      assertThrows(IllegalStateException.class, () -> ledger.send(1, new byte[32]), "no contract configured");
    }
  }

  @Test
  void calldataGasFollowsEip2028() {
    assertEquals(4 + 16 + 16, AnchorGasMeter.calldataGas("0x00ff01"));
  }
}
