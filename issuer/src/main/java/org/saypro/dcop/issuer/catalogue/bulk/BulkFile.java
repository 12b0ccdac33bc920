package org.saypro.dcop.issuer.catalogue.bulk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.saypro.dcop.core.openbadges.Recipient;

/**
 * A bulk issuance file read whole: the rows that can be awarded and an error for every one that cannot. Columns
 * (header row required, any order, case-insensitive): {@code did} or {@code email} (one per row), {@code name}
 * (optional; printed on the credential), {@code valid_from} (optional; a date or date-time).
 *
 * @param errors file-level errors carry line 1 (the header)
 */
public record BulkFile(long dataRows, List<BulkRow> rows, List<RowError> errors) {

  public static final Set<String> COLUMNS = Set.of("did", "email", "name", "valid_from");
  public static final int MAX_ROWS = 100_000;
  private static final int MAX_FIELD = 2_000;
  private static final int MAX_REPORTED_ERRORS = 1_000;

  public BulkFile {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Reads UTF-8 bytes (a byte-order mark is allowed, as spreadsheets write one). Never throws for bad content. */
  public static BulkFile read(byte[] utf8) {
    List<RowError> errors = new ArrayList<>();
    List<BulkRow> rows = new ArrayList<>();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      return fileError("the file is not UTF-8 text: save the spreadsheet as \"CSV UTF-8\"");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(true).setAllowMissingColumnNames(false).get();
    long dataRows = 0;
    try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, String> columns = new HashMap<>();
      for (String header : parser.getHeaderNames()) {
        String name = header.toLowerCase(Locale.ROOT).strip();
        if (!COLUMNS.contains(name)) {
          errors.add(new RowError(1, header, "unknown column; the columns are did, email, name and valid_from"));
        } else if (columns.put(name, header) != null) {
          errors.add(new RowError(1, header, "the column appears twice"));
        }
      }
      if (!columns.containsKey("did") && !columns.containsKey("email")) {
        errors.add(new RowError(1, "", "the header needs a did or an email column"));
      }
      if (!errors.isEmpty()) {
        return new BulkFile(0, List.of(), errors);
      }
      Map<String, Long> seen = new HashMap<>();
      for (CSVRecord record : parser) {
        dataRows++;
        if (dataRows > MAX_ROWS) {
          return fileError("more than " + MAX_ROWS + " rows: split the file");
        }
        long line = record.getParser().getCurrentLineNumber();
        Optional<BulkRow> row = row(record, line, columns, errors);
        if (row.isPresent()) {
          String learner = key(row.get().recipient());
          Long earlier = seen.putIfAbsent(learner, line);
          if (earlier != null) {
            errors.add(new RowError(line, "", "the same learner as line " + earlier));
          } else {
            rows.add(row.get());
          }
        }
        if (errors.size() > MAX_REPORTED_ERRORS) {
          errors.add(new RowError(line, "", "more than " + MAX_REPORTED_ERRORS + " errors; stopped reading"));
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      // Commons CSV reports malformed quoting and duplicate or empty headers this way
      return new BulkFile(dataRows, rows, append(errors, new RowError(Math.max(1, dataRows + 1), "",
          "the file is not valid CSV: " + e.getMessage())));
    }
    if (dataRows == 0 && errors.isEmpty()) {
      errors.add(new RowError(1, "", "the file has a header but no rows"));
    }
    return new BulkFile(dataRows, rows, errors);
  }

  private static Optional<BulkRow> row(CSVRecord record, long line, Map<String, String> columns, List<RowError> errors) {
    if (!record.isConsistent()) {
      errors.add(new RowError(line, "", "has " + record.size() + " fields; the header has " + columns.size()));
      return Optional.empty();
    }
    int before = errors.size();
    String did = field(record, columns, "did", line, errors);
    String email = field(record, columns, "email", line, errors);
    String name = field(record, columns, "name", line, errors);
    String from = field(record, columns, "valid_from", line, errors);
    if (errors.size() > before) {
      return Optional.empty();
    }
    if ((did == null) == (email == null)) {
      errors.add(new RowError(line, did == null ? "email" : "did",
          did == null ? "give the learner's did or email" : "give either did or email, not both"));
      return Optional.empty();
    }
    Recipient recipient;
    try {
      recipient = did != null ? new Recipient.ByDid(did, Optional.ofNullable(name))
          : new Recipient.ByEmail(email, Optional.ofNullable(name));
    } catch (IllegalArgumentException e) {
      String column = e.getMessage().contains("name") ? "name" : did != null ? "did" : "email";
      errors.add(new RowError(line, columns.get(column), e.getMessage()));
      return Optional.empty();
    }
    Optional<Instant> validFrom = Optional.empty();
    if (from != null) {
      try {
        validFrom = Optional.of(from.length() == 10 ? LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(from));
      } catch (DateTimeParseException e) {
        errors.add(new RowError(line, columns.get("valid_from"), "not a date (2026-11-23) or date-time"));
        return Optional.empty();
      }
    }
    return Optional.of(new BulkRow(line, recipient, validFrom));
  }

  /** The trimmed value, or null when the column is absent or the cell empty. */
  private static String field(CSVRecord record, Map<String, String> columns, String name, long line,
                              List<RowError> errors) {
    String header = columns.get(name);
    if (header == null) {
      return null;
    }
    String value = record.get(header);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_FIELD) {
      errors.add(new RowError(line, header, "longer than " + MAX_FIELD + " characters"));
      return null;
    }
    return value.strip();
  }

  static String key(Recipient recipient) {
    return recipient instanceof Recipient.ByDid byDid ? byDid.did() : "mailto:" + ((Recipient.ByEmail) recipient).email();
  }

  private static BulkFile fileError(String reason) {
    return new BulkFile(0, List.of(), List.of(new RowError(1, "", reason)));
  }

  private static List<RowError> append(List<RowError> errors, RowError error) {
    List<RowError> all = new ArrayList<>(errors);
    all.add(error);
    return all;
  }
}
