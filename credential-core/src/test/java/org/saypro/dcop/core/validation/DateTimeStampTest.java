package org.saypro.dcop.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateTimeStampTest {

  /** The rule before the fields were read by hand: the shape, then java.time's ISO parser. */
  private static Optional<Instant> byIsoParser(String value) {
    if (!value.matches("-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})")) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Test
  void realInstantsAreRead() {
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), DateTimeStamp.parse("2026-01-01T00:00:00Z"));
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00.123456789Z")),
        DateTimeStamp.parse("2026-01-01T02:00:00.123456789+02:00"));
    assertEquals(Optional.of(Instant.parse("2024-02-29T23:59:59.5Z")), DateTimeStamp.parse("2024-02-29T18:29:59.5-05:30"));
  }

  @Test
  void shapesAndDatesThatAreNotRealAreRefused() {
    for (String value : List.of("2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-01-01T00:00:00+18:01",
        "2026-01-01T00:00:00+05:60", "2026-01-01T00:00:00", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00.Z",
        "26-01-01T00:00:00Z", "2026-01-01T00:00:00z", "")) {
      assertEquals(Optional.empty(), DateTimeStamp.parse(value), value);
    }
  }

  @Test
  void agreesWithTheIsoParserOnRandomValuesOfTheShape() {
    Random random = new Random(20261124);
    int real = 0;
    for (int i = 0; i < 100_000; i++) {
      String year = switch (random.nextInt(8)) {
        case 0 -> "-" + digits(random, 4);
        case 1 -> digits(random, 5 + random.nextInt(6));
        case 2 -> "+" + digits(random, 4);
        default -> digits(random, 4);
      };
      String fraction = switch (random.nextInt(4)) {
        case 0 -> "";
        case 1 -> "." + digits(random, 1 + random.nextInt(12));
        default -> "." + digits(random, 1 + random.nextInt(3));
      };
      String zone = switch (random.nextInt(3)) {
        case 0 -> "Z";
        default -> (random.nextBoolean() ? "+" : "-") + twoDigits(random, 20) + ":" + twoDigits(random, 62);
      };
      String value = year + "-" + twoDigits(random, 14) + "-" + twoDigits(random, 33) + "T" + twoDigits(random, 26)
          + ":" + twoDigits(random, 62) + ":" + twoDigits(random, 62) + fraction + zone;
      Optional<Instant> expected = byIsoParser(value);
      real += expected.isPresent() ? 1 : 0;
      assertEquals(expected, DateTimeStamp.parse(value), value);
    }
    assertTrue(real > 10_000, "only " + real + " real instants were drawn");
  }

  private static String digits(Random random, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  private static String twoDigits(Random random, int below) {
    return String.format("%02d", random.nextInt(below));
  }
}
