package org.saypro.dcop.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerSettingsTest {

  private static final String KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  @Test
  void neverPrintsThePrivateKey() {
    LedgerSettings settings = LedgerSettings.of("http://127.0.0.1:8545", 31337, "0x" + KEY);
    assertFalse(settings.toString().contains(KEY));
    assertTrue(settings.toString().contains("<redacted>"));
  }

  @Test
  void readsTheKeyFromAFile(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("ledger.key");
    Files.writeString(keyFile, "0x" + KEY + "\n");
    assertEquals("0x" + KEY, LedgerSettings.withKeyFile("https://rpc.example", 1, keyFile).privateKeyHex());
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> LedgerSettings.of("ws://127.0.0.1:8545", 1, KEY));
    assertThrows(IllegalArgumentException.class, () -> LedgerSettings.of("http://127.0.0.1:8545", 0, KEY));
    assertThrows(IllegalArgumentException.class, () -> LedgerSettings.of("http://127.0.0.1:8545", 1, "0x1234"));
    LedgerSettings ok = LedgerSettings.of("http://127.0.0.1:8545", 1, KEY);
    assertThrows(IllegalArgumentException.class, () -> ok.withContractAddress("0x1234"));
    assertThrows(IllegalArgumentException.class, () -> ok.withConfirmations(0));
  }
}
