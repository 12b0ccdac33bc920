package org.saypro.dcop.community.impact;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of data values, read: header {@code indicator,period,org_unit,category,value} (category optional,
 * {@code total} when empty). Rows that cannot be read are reported by line (the header is line 1) and column.
 */
public final class ValueFile {

  public static final int MAX_ROWS = 10_000;
  public static final List<String> COLUMNS = List.of("indicator", "period", "org_unit", "category", "value");
  private static final BigDecimal LIMIT = new BigDecimal("1e15");

  /** A readable row. */
  public record Row(long line, ValueKey key, BigDecimal value) {}

  /** Why a row, or the file, cannot be used. */
  public record RowError(long line, String column, String reason) {}

  private final List<Row> rows;
  private final List<RowError> errors;
  private final int dataRows;

  private ValueFile(List<Row> rows, List<RowError> errors, int dataRows) {
    this.rows = List.copyOf(rows);
    this.errors = List.copyOf(errors);
    this.dataRows = dataRows;
  }

  public List<Row> rows() {
    return rows;
  }

  public List<RowError> errors() {
    return errors;
  }

  public int dataRows() {
    return dataRows;
  }

  public static ValueFile read(byte[] file) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(file)).toString();
    } catch (CharacterCodingException e) {
      return failed("the file is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).build();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> headers = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      List<RowError> errors = new ArrayList<>();
      for (String needed : List.of("indicator", "period", "org_unit", "value")) {
        if (!headers.contains(needed)) {
          errors.add(new RowError(1, needed, "the header has no " + needed + " column (expected "
              + String.join(",", COLUMNS) + ")"));
        }
      }
      if (!errors.isEmpty()) {
        return new ValueFile(List.of(), errors, 0);
      }
      List<Row> rows = new ArrayList<>();
      int count = 0;
      for (CSVRecord record : parser) {
        count++;
        long line = record.getRecordNumber() + 1;
        if (count > MAX_ROWS) {
          errors.add(new RowError(line, "", "the file has more than " + MAX_ROWS + " rows; the rest were not read"));
          break;
        }
        int before = errors.size();
        String indicator = value(record, headers, "indicator");
        String period = value(record, headers, "period");
        String unit = value(record, headers, "org_unit");
        String category = value(record, headers, "category");
        category = category.isEmpty() ? ValueKey.TOTAL : category;
        String number = value(record, headers, "value");
        if (!Indicator.CODE.matcher(indicator).matches()) {
          errors.add(new RowError(line, "indicator", "not an indicator code: '" + clip(indicator) + "'"));
        }
        if (Period.parse(period).isEmpty()) {
          errors.add(new RowError(line, "period", "not a period such as 2026, 2026Q1 or 202601: '" + clip(period)
              + "'"));
        }
        if (!OrgUnit.CODE.matcher(unit).matches()) {
          errors.add(new RowError(line, "org_unit", "not an organisation unit code: '" + clip(unit) + "'"));
        }
        if (!ValueKey.CATEGORY.matcher(category).matches()) {
          errors.add(new RowError(line, "category", "not a category option (lower-case letters, digits, - and _):"
              + " '" + clip(category) + "'"));
        }
        BigDecimal value = number(number);
        if (value == null) {
          errors.add(new RowError(line, "value", "not a number below 10^15: '" + clip(number) + "'"));
        }
        if (errors.size() == before) {
          rows.add(new Row(line, new ValueKey(indicator, Period.of(period), unit, category), value));
        }
      }
      return new ValueFile(rows, errors, count);
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      return failed("the file is not a readable CSV file: " + clip(String.valueOf(e.getMessage())));
    }
  }

  private static ValueFile failed(String reason) {
    return new ValueFile(List.of(), List.of(new RowError(1, "", reason)), 0);
  }

  private static String value(CSVRecord record, List<String> headers, String column) {
    int index = headers.indexOf(column);
    return index >= 0 && index < record.size() ? record.get(index).strip() : "";
  }

  private static BigDecimal number(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return value.abs().compareTo(LIMIT) < 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String clip(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
