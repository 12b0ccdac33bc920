package org.saypro.dcop.community.impact;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period named as DHIS2 names them: yearly {@code 2026}, quarterly {@code 2026Q1}, monthly
 * {@code 202601}. Ordered by start, then longest first (a year before its first quarter).
 */
public record Period(String id, LocalDate start, LocalDate end) implements Comparable<Period> {

  private static final Pattern FORM = Pattern.compile("^(\\d{4})(?:Q([1-4])|(0[1-9]|1[0-2]))?$");

  public Period {
    LocalDate[] dates = dates(Objects.requireNonNull(id, "id"))
        .orElseThrow(() -> new IllegalArgumentException("not a period: " + id));
    if (!dates[0].equals(start) || !dates[1].equals(end)) {
      throw new IllegalArgumentException("the dates of " + id + " are " + dates[0] + " to " + dates[1]);
    }
  }

  /** The period, or empty if the text is not a yearly, quarterly or monthly period id from 1900 to 2999. */
  public static Optional<Period> parse(String text) {
    return text == null ? Optional.empty() : dates(text).map(d -> new Period(text, d[0], d[1]));
  }

  public static Period of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a period: " + text));
  }

  private static Optional<LocalDate[]> dates(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    if (year < 1900 || year > 2999) {
      return Optional.empty();
    }
    LocalDate start;
    LocalDate next;
    if (m.group(2) != null) {
      start = LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
      next = start.plusMonths(3);
    } else if (m.group(3) != null) {
      start = LocalDate.of(year, Integer.parseInt(m.group(3)), 1);
      next = start.plusMonths(1);
    } else {
      start = LocalDate.of(year, 1, 1);
      next = start.plusYears(1);
    }
    return Optional.of(new LocalDate[] {start, next.minusDays(1)});
  }

  /** The quarter a day falls in: automatic values are counted per quarter. */
  public static Period quarterOf(LocalDate day) {
    return of(day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1));
  }

  @Override
  public int compareTo(Period other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : other.end.compareTo(end);
  }

  @Override
  public String toString() {
    return id;
  }
}
