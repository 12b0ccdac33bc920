package org.saypro.dcop.issuer.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.issuer.log.LogDatabase;

/** COPY's text escapes against a real PostgreSQL: what goes in comes back out, byte for byte, or nothing does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyRowsIT {

  /** Values COPY's text format gives meaning to: its delimiters, its escape, its null marker, array syntax. */
  private static final List<String> AWKWARD = List.of("", "plain", "tab\there", "new\nline", "carriage\rreturn",
      "back\\slash", "\\N", "\\.", "quote\"s and {braces}, commas", "NULL", "émoji 🎓 and isiXhosa: Enkosi",
      "\\x00ff");

  @TempDir static Path directory;
  private LogDatabase database;
  private JdbcOperations jdbc;

  @BeforeAll
  void start() {
    database = LogDatabase.start(directory, 128);
    jdbc = database.bean(JdbcOperations.class);
    database.transactions.executeWrite(status -> jdbc.prepareStatement(
        "create table copy_probe (n bigint not null, t text, a text[], b bytea, u uuid, at timestamptz)",
        s -> s.executeUpdate()));
  }

  @AfterAll
  void stop() {
    database.close();
  }

  @Test
  void everyAwkwardValueComesBackAsItWent() {
    UUID uuid = UUID.randomUUID();
    Instant at = Instant.parse("2026-11-24T02:30:00.123456Z");
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    CopyRows copy = new CopyRows("copy_probe", "n", "t", "a", "b", "u", "at");
    for (int i = 0; i < AWKWARD.size(); i++) {
      copy.row((long) i, AWKWARD.get(i), List.of(AWKWARD.get(i), "x"), bytes, uuid, at);
    }
    copy.row((long) AWKWARD.size(), null, List.of(), null, null, null);
    database.transactions.executeWrite(status -> {
      copy.insert(jdbc);
      return null;
    });

    List<Object[]> rows = database.transactions.executeRead(status -> jdbc.prepareStatement(
        "select t, a, b, u, at from copy_probe order by n", s -> {
      List<Object[]> read = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          read.add(new Object[] {r.getString(1), r.getArray(2) == null ? null : r.getArray(2).getArray(),
              r.getBytes(3), r.getObject(4, UUID.class), r.getTimestamp(5) == null ? null
              : r.getTimestamp(5).toInstant()});
        }
      }
      return read;
    }));
    assertEquals(AWKWARD.size() + 1, rows.size());
    for (int i = 0; i < AWKWARD.size(); i++) {
      Object[] row = rows.get(i);
      assertEquals(AWKWARD.get(i), row[0], "text of row " + i);
      assertArrayEquals(new String[] {AWKWARD.get(i), "x"}, (String[]) row[1], "array of row " + i);
      assertArrayEquals(bytes, (byte[]) row[2]);
      assertEquals(uuid, row[3]);
      assertEquals(at, row[4]);
    }
    Object[] empty = rows.get(AWKWARD.size());
    assertNull(empty[0]);
    assertArrayEquals(new String[0], (String[]) empty[1]);
    assertNull(empty[2]);
    assertNull(empty[4]);
  }

  @Test
  void aRowTheTableRefusesLeavesNothing() {
    long before = count();
    CopyRows copy = new CopyRows("copy_probe", "n", "t", "a", "b", "u", "at");
    copy.row(1000L, "fine", List.of(), null, null, null);
    copy.row(null, "n is not null", List.of(), null, null, null);
    assertThrows(RuntimeException.class, () -> database.transactions.executeWrite(status -> {
      copy.insert(jdbc);
      return null;
    }));
    assertEquals(before, count());
  }

  @Test
  void refusesRowsOfTheWrongWidthAndValuesItCannotWrite() {
    CopyRows copy = new CopyRows("copy_probe", "n", "t");
    assertThrows(IllegalArgumentException.class, () -> copy.row(1L));
    assertThrows(IllegalArgumentException.class, () -> copy.row(1L, new Object()));
    assertThrows(IllegalArgumentException.class, () -> new CopyRows("copy_probe; drop table x", "n"));
  }

  private long count() {
    return database.transactions.executeRead(status -> jdbc.prepareStatement("select count(*) from copy_probe",
        s -> {
          try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        }));
  }
}
