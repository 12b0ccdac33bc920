package org.saypro.dcop.issuer.catalogue.bulk;

import java.util.Objects;

/**
 * Why a row of the file cannot be awarded.
 *
 * @param line the line in the file, counting the header as line 1
 * @param column the column's header name, or empty for the row as a whole
 */
public record RowError(long line, String column, String reason) {
  public RowError {
    Objects.requireNonNull(column, "column");
    if (line < 1 || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a row error names a line and a reason");
    }
  }
}
