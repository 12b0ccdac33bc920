package org.saypro.dcop.core.validation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data model's date-times: XML Schema {@code dateTimeStamp}, a date-time with a time zone, that names a real
 * instant ({@code 2026-02-30T00:00:00Z} has the shape but not the date).
 */
final class DateTimeStamp {

  private static final Pattern SHAPE = Pattern.compile(
      "(-?\\d{4,})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(Z|[+-]\\d{2}:\\d{2})");

  private DateTimeStamp() {}

  /** The instant, or empty when the value is not a dateTimeStamp or names no real date and time. */
  static Optional<Instant> parse(String value) {
    Matcher m = SHAPE.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      String year = m.group(1);
      String fraction = m.group(7);
      if (year.length() > (year.startsWith("-") ? 5 : 4) || (fraction != null && fraction.length() > 9)) {
        // the rare long forms: java.time's ISO parser is the rule for them
        return Optional.of(OffsetDateTime.parse(value).toInstant());
      }
      // The fields by hand, not OffsetDateTime.parse: the same checks (each field in its range, a real date, an
      // offset within ±18:00), at a tenth of the cost; parsing was 2 % of a bulk award's CPU.
      String zone = m.group(8);
      ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(
          (zone.charAt(0) == '-' ? -1 : 1) * Integer.parseInt(zone, 1, 3, 10),
          (zone.charAt(0) == '-' ? -1 : 1) * Integer.parseInt(zone, 4, 6, 10));
      int nanos = fraction == null ? 0 : Integer.parseInt(fraction + "000000000".substring(fraction.length()));
      return Optional.of(OffsetDateTime.of(Integer.parseInt(year), number(m, 2), number(m, 3), number(m, 4),
          number(m, 5), number(m, 6), nanos, offset).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
