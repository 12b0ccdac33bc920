package org.saypro.dcop.issuer.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTest {

  private static Clock at(long millis) {
    return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  @Test
  void isAVersion7UuidOfTheRfc9562Variant() {
    UUID uuid = TimeOrderedUuid.next(Clock.systemUTC());
    assertEquals(7, uuid.version());
    assertEquals(2, uuid.variant());
  }

  @Test
  void itsFirst48BitsAreTheClocksMilliseconds() {
    long millis = Instant.parse("2026-11-24T06:30:00.123Z").toEpochMilli();
    UUID uuid = TimeOrderedUuid.next(at(millis));
    assertEquals(millis, uuid.getMostSignificantBits() >>> 16);
    assertTrue(uuid.toString().startsWith(String.format("%08x-%04x", millis >>> 16, millis & 0xFFFF)), uuid.toString());
  }

  /** PostgreSQL orders uuids as unsigned bytes, which is the order of their lowercase text. */
  @Test
  void aLaterMillisecondSortsAfterAnEarlierOneAsPostgresqlComparesThem() {
    long millis = Instant.parse("2026-11-24T06:30:00Z").toEpochMilli();
    for (int i = 0; i < 1000; i++) {
      String earlier = TimeOrderedUuid.next(at(millis + i)).toString();
      String later = TimeOrderedUuid.next(at(millis + i + 1)).toString();
      assertTrue(earlier.compareTo(later) < 0, earlier + " then " + later);
    }
  }

  @Test
  void drawsInTheSameMillisecondDiffer() {
    Clock clock = at(Instant.parse("2026-11-24T06:30:00Z").toEpochMilli());
    Set<UUID> drawn = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      drawn.add(TimeOrderedUuid.next(clock));
    }
    assertEquals(100_000, drawn.size());
  }
}
