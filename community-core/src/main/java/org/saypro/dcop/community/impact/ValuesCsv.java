package org.saypro.dcop.community.impact;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The current data values as CSV, in the import's columns plus who and when, so an export can be corrected and
 * imported back. Cells a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) get a
 * leading quote; numbers are written plainly, so a negative value stays a number.
 */
public final class ValuesCsv {

  private ValuesCsv() {}

  public static String write(List<DataValues.Current> values) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").build())) {
      csv.printRecord("indicator", "period", "org_unit", "category", "value", "version", "source", "entered_by",
          "entered_at");
      for (DataValues.Current v : values) {
        csv.printRecord(safe(v.indicator()), v.period().id(), safe(v.orgUnit()), safe(v.category()),
            v.value().toPlainString(), v.version(), v.source(), safe(v.enteredBy()), v.enteredAt().toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Text as a spreadsheet will show it, never run it. */
  public static String safe(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }
}
