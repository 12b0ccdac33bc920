package org.saypro.dcop.issuer.sql;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Rows for one table, written with PostgreSQL's {@code COPY … FROM STDIN} in the caller's transaction. A chunk of a
 * bulk file stores hundreds of rows a table; COPY skips the parse, plan and array decoding an {@code insert … select
 * from unnest(…)} costs the server (ADR 23), and fails as a whole on a constraint, as the insert did.
 *
 * <p>Values are written in COPY's text format: {@code null}, {@link String}, {@link UUID}, {@code byte[]} (bytea),
 * {@link Instant} (ISO 8601 in UTC, so neither the JVM's nor the session's zone matters), {@link Number}, and a
 * {@link List} of strings (a {@code text[]}).
 */
public final class CopyRows {

  private static final HexFormat HEX = HexFormat.of();

  private final String copy;
  private final int columns;
  private final StringBuilder data = new StringBuilder(4096);
  private int rows;

  public CopyRows(String table, String... columns) {
    if (!table.matches("[a-z_]+") || columns.length == 0
        || !List.of(columns).stream().allMatch(c -> c.matches("[a-z_0-9]+"))) {
      throw new IllegalArgumentException("a table and columns named in lower case, not " + table);
    }
    this.copy = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
    this.columns = columns.length;
  }

  /** Adds a row, its values in the order of the columns. */
  public CopyRows row(Object... values) {
    if (values.length != columns) {
      throw new IllegalArgumentException(columns + " values a row, not " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        data.append('\t');
      }
      append(values[i]);
    }
    data.append('\n');
    rows++;
    return this;
  }

  public int size() {
    return rows;
  }

  /** Copies the rows in; fails unless every row was stored. */
  public void insert(JdbcOperations jdbc) {
    if (rows == 0) {
      return;
    }
    long copied = jdbc.execute(connection -> {
      try {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(data.toString()));
      } catch (IOException e) {
        // only the reader's side can throw this, and a StringReader does not
        throw new UncheckedIOException(e);
      }
    });
    if (copied != rows) {
      throw new IllegalStateException("copied " + copied + " rows, not " + rows);
    }
  }

  private void append(Object value) {
    if (value == null) {
      data.append("\\N");
    } else if (value instanceof String text) {
      escaped(text);
    } else if (value instanceof UUID || value instanceof Instant || value instanceof Number) {
      data.append(value);
    } else if (value instanceof byte[] bytes) {
      data.append("\\\\x").append(HEX.formatHex(bytes));
    } else if (value instanceof List<?> list) {
      escaped(arrayLiteral(list));
    } else {
      throw new IllegalArgumentException("no COPY text form for " + value.getClass().getName());
    }
  }

  /** A text[] literal: every element quoted, so commas, braces and spaces need no further thought. */
  private static String arrayLiteral(List<?> elements) {
    StringBuilder literal = new StringBuilder("{");
    for (Object element : elements) {
      if (literal.length() > 1) {
        literal.append(',');
      }
      String text = Objects.requireNonNull(element, "array elements").toString();
      literal.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return literal.append('}').toString();
  }

  /** COPY's text escapes: backslash, and the delimiters of fields and rows. */
  private void escaped(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> data.append("\\\\");
        case '\t' -> data.append("\\t");
        case '\n' -> data.append("\\n");
        case '\r' -> data.append("\\r");
        default -> data.append(c);
      }
    }
  }
}
