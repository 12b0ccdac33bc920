package org.saypro.dcop.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/** A dev chain that goes away and comes back with its state: sends are values, reads throw, then all works again. */
class LedgerOutageIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void aStoppedChainIsUnavailableAndARestartedOneKeepsItsAnchors(@TempDir Path dir) {
    Path state = dir.resolve("anvil-state.json");
    byte[] rootA = filled((byte) 0xA1);
    byte[] rootB = filled((byte) 0xB2);
    try (LocalDevChain chain = LocalDevChain.builder().binary(AnvilExtension.anvil()).stateFile(state).start()) {
      String contract;
      try (Web3jAnchorLedger deployer = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain))) {
        contract = mined(deployer, deployer.deploy()).contractAddress();
      }
      try (Web3jAnchorLedger ledger =
          Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain).withContractAddress(contract))) {
        mined(ledger, ledger.send(10, rootA));
        long block = ledger.blockNumber();

        chain.stop();
        assertFalse(chain.isRunning());
        assertTrue(Files.exists(state), "anvil wrote its state on SIGTERM");

        SendResult down = ledger.send(20, rootB);
        assertTrue(
            assertInstanceOf(SendResult.Unavailable.class, down).reason().contains(chain.rpcUrl()), down.toString());
        assertThrows(LedgerUnavailableException.class, () -> ledger.rootAt(10));
        assertThrows(LedgerUnavailableException.class, ledger::blockNumber);
        assertThrows(LedgerUnavailableException.class, () -> ledger.findAnchored(10));

        chain.restart();
        assertTrue(chain.isRunning());
        assertArrayEquals(rootA, ledger.rootAt(10).orElseThrow(), "the anchor survived the restart");
        assertTrue(ledger.blockNumber() >= block);
        AnchorReceipt receipt = mined(ledger, ledger.send(20, rootB));
        assertTrue(receipt.blockNumber() > block);
        assertArrayEquals(rootB, ledger.rootAt(20).orElseThrow());
        assertEquals(20, ledger.latestSize());
        assertEquals(rootA.length, ledger.findAnchored(10).orElseThrow().root().length);
      }
    }
  }

  @Test
  void anEphemeralChainRestartsEmpty() {
    try (LocalDevChain chain = LocalDevChain.builder().binary(AnvilExtension.anvil()).start()) {
      try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(LedgerSettings.forDevChain(chain))) {
        mined(ledger, ledger.deploy());
        assertTrue(ledger.blockNumber() > 0);
        chain.stop();
        chain.restart();
        assertEquals(0, ledger.blockNumber());
      }
    }
  }

  private static AnchorReceipt mined(AnchorLedger ledger, SendResult result) {
    SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, result, () -> "not sent: " + result);
    AnchorReceipt receipt = ledger.awaitReceipt(sent.txHash(), TIMEOUT).orElseThrow();
    assertTrue(receipt.succeeded(), () -> "reverted: " + receipt);
    return receipt;
  }

  private static byte[] filled(byte value) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }
}
