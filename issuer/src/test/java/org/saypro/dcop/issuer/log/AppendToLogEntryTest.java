package org.saypro.dcop.issuer.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An entry is checked when it is made, before any SQL. */
class AppendToLogEntryTest {

  private static final UUID CREDENTIAL = UUID.fromString("7d0a5f8e-1c2b-4f3a-9e8d-6b5c4a3b2c1d");
  private static final Instant AT = Instant.parse("2026-11-23T21:00:00Z");

  @Test
  void takesA32ByteHash() {
    byte[] hash = new byte[32];
    hash[0] = 7;
    AppendToLog.Entry entry = new AppendToLog.Entry(CREDENTIAL, hash, AT);
    assertEquals(CREDENTIAL, entry.credentialUuid());
    assertArrayEquals(hash, entry.securedFormSha256());
    assertEquals(AT, entry.at());
  }

  @Test
  void refusesAHashOfAnyOtherLength() {
    for (int length : new int[] {0, 1, 20, 31, 33, 48, 64}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> new AppendToLog.Entry(CREDENTIAL, new byte[length], AT),
              length + " bytes");
      assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
      assertTrue(e.getMessage().contains("not " + length), e.getMessage());
    }
  }

  @Test
  void refusesMissingValues() {
    assertThrows(NullPointerException.class, () -> new AppendToLog.Entry(null, new byte[32], AT));
    assertThrows(NullPointerException.class, () -> new AppendToLog.Entry(CREDENTIAL, null, AT));
    assertThrows(NullPointerException.class, () -> new AppendToLog.Entry(CREDENTIAL, new byte[32], null));
  }

  @Test
  void holdsItsOwnCopyOfTheHash() {
    byte[] hash = new byte[32];
    AppendToLog.Entry entry = new AppendToLog.Entry(CREDENTIAL, hash, AT);
    hash[0] = 1;
    entry.securedFormSha256()[1] = 1;
    assertArrayEquals(new byte[32], entry.securedFormSha256());
  }
}
