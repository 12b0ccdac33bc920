package org.saypro.dcop.community.webinars;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.saypro.dcop.accounts.users.User;

/**
 * A meeting platform's attendance report, read: one row per join/leave interval (Zoom, Teams and Meet export such
 * files), columns found by header name. Bad rows are reported by line and column and left out; they never stop the
 * good rows. A person's intervals are merged before they are added up, so two devices in the same minutes count once.
 */
public final class AttendanceReport {

  public static final int MAX_ROWS = 20_000;

  /** A row that could not be used, by its line in the file (1 is the header) and column name. */
  public record RowError(long line, String column, String reason) {}

  /** One person's time in the session, in whole minutes, and the lines that gave it. */
  public record Person(String email, String name, int minutes, List<Long> lines) {}

  private static final Map<String, List<String>> COLUMNS = Map.of(
      "name", List.of("name", "name (original name)", "participant", "full name"),
      "email", List.of("email", "user email", "email address", "e-mail"),
      "join", List.of("join", "join time", "joined", "first join"),
      "leave", List.of("leave", "leave time", "left", "last leave"));

  private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE_TIME,
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT),
      DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm[:ss] a", Locale.ROOT),
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm[:ss]", Locale.ROOT));

  private final List<Person> people;
  private final List<RowError> errors;
  private final int dataRows;
  private final String emailColumn;

  private AttendanceReport(List<Person> people, List<RowError> errors, int dataRows, String emailColumn) {
    this.people = List.copyOf(people);
    this.errors = List.copyOf(errors);
    this.dataRows = dataRows;
    this.emailColumn = emailColumn;
  }

  /** The email column's name as the file spells it, for reporting rows by column. */
  public String emailColumn() {
    return emailColumn;
  }

  public List<Person> people() {
    return people;
  }

  public List<RowError> errors() {
    return errors;
  }

  public int dataRows() {
    return dataRows;
  }

  /** Reads the file; times without an offset are read in the webinar's zone, as platforms export local times. */
  public static AttendanceReport read(byte[] file, ZoneId zone) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(file)).toString();
    } catch (CharacterCodingException e) {
      return new AttendanceReport(List.of(), List.of(new RowError(1, "", "the file is not UTF-8 text")), 0, "email");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).build();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, String> columns = columns(parser.getHeaderNames());
      List<RowError> errors = new ArrayList<>();
      for (String needed : List.of("email", "join", "leave")) {
        if (!columns.containsKey(needed)) {
          errors.add(new RowError(1, needed, "the header has no " + needed + " column (one of "
              + String.join(", ", COLUMNS.get(needed)) + ")"));
        }
      }
      if (!errors.isEmpty()) {
        return new AttendanceReport(List.of(), errors, 0, "email");
      }
      Map<String, List<Interval>> byEmail = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      int rows = 0;
      for (CSVRecord record : parser) {
        rows++;
        long line = record.getRecordNumber() + 1; // the header is line 1
        if (rows > MAX_ROWS) {
          errors.add(new RowError(line, "", "the file has more than " + MAX_ROWS + " rows; the rest were not read"));
          break;
        }
        String email = value(record, columns.get("email")).toLowerCase(Locale.ROOT);
        Optional<Instant> join = time(value(record, columns.get("join")), zone);
        Optional<Instant> leave = time(value(record, columns.get("leave")), zone);
        int before = errors.size();
        if (!User.isEmail(email)) {
          errors.add(new RowError(line, columns.get("email"), "not an email address: '" + clip(email) + "'"));
        }
        if (join.isEmpty()) {
          errors.add(new RowError(line, columns.get("join"), "not a time: '" + clip(value(record,
              columns.get("join"))) + "'"));
        }
        if (leave.isEmpty()) {
          errors.add(new RowError(line, columns.get("leave"), "not a time: '" + clip(value(record,
              columns.get("leave"))) + "'"));
        }
        if (join.isPresent() && leave.isPresent() && leave.get().isBefore(join.get())) {
          errors.add(new RowError(line, columns.get("leave"), "leave time is before join time"));
        }
        if (errors.size() == before) {
          byEmail.computeIfAbsent(email, e -> new ArrayList<>()).add(new Interval(join.get(), leave.get(), line));
          names.putIfAbsent(email, columns.containsKey("name") ? value(record, columns.get("name")) : "");
        }
      }
      List<Person> people = new ArrayList<>();
      byEmail.forEach((email, intervals) -> people.add(new Person(email, names.get(email), minutes(intervals),
          intervals.stream().map(Interval::line).sorted().toList())));
      return new AttendanceReport(people, errors, rows, columns.get("email"));
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      return new AttendanceReport(List.of(), List.of(new RowError(1, "", "the file is not a readable CSV file: "
          + clip(String.valueOf(e.getMessage())))), 0, "email");
    }
  }

  private record Interval(Instant join, Instant leave, long line) {}

  /** The length of the union of the intervals, in whole minutes (rounded down). */
  static int minutes(List<Interval> intervals) {
    List<Interval> sorted = intervals.stream().sorted(Comparator.comparing(Interval::join)).toList();
    Duration total = Duration.ZERO;
    Instant start = null;
    Instant end = null;
    for (Interval i : sorted) {
      if (end == null || i.join().isAfter(end)) {
        if (end != null) {
          total = total.plus(Duration.between(start, end));
        }
        start = i.join();
        end = i.leave();
      } else if (i.leave().isAfter(end)) {
        end = i.leave();
      }
    }
    if (end != null) {
      total = total.plus(Duration.between(start, end));
    }
    return (int) Math.min(Integer.MAX_VALUE, total.toMinutes());
  }

  private static Map<String, String> columns(List<String> headers) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String header : headers) {
      String key = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
      COLUMNS.forEach((column, aliases) -> {
        if (aliases.contains(key)) {
          found.putIfAbsent(column, header);
        }
      });
    }
    return found;
  }

  private static String value(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
  }

  static Optional<Instant> time(String text, ZoneId zone) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      // not an offset date-time: try local formats in the webinar's zone
    }
    for (DateTimeFormatter format : LOCAL_FORMATS) {
      try {
        return Optional.of(LocalDateTime.parse(text.toUpperCase(Locale.ROOT), format).atZone(zone).toInstant());
      } catch (DateTimeParseException e) {
        // the next format
      }
    }
    return Optional.empty();
  }

  private static String clip(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
