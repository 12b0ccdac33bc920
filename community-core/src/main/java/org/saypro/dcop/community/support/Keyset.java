package org.saypro.dcop.community.support;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of a time-ordered list ended: the last row's time and id. The next page continues strictly after it,
 * so rows added meanwhile neither repeat nor shift the rows already read. The time is kept in microseconds, the
 * precision PostgreSQL stores, so the cursor compares equal to the row it came from.
 */
public record Keyset(Instant at, UUID id) {

  public Keyset {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(id, "id");
    if (at.getNano() % 1000 != 0) {
      throw new IllegalArgumentException("a keyset time has microseconds at most");
    }
  }

  /** The time as the JDBC driver binds a timestamptz without guessing a zone. */
  public OffsetDateTime time() {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** Binds the keyset's time and id from that parameter on, when there is one; returns the next parameter. */
  public static int bind(PreparedStatement statement, int from, Optional<Keyset> keyset) throws SQLException {
    if (keyset.isEmpty()) {
      return from;
    }
    statement.setObject(from, keyset.get().time());
    statement.setObject(from + 1, keyset.get().id());
    return from + 2;
  }

  String encode() {
    long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    return "k" + micros + "_" + id;
  }

  /** The keyset of a cursor made by {@link #encode}; an IllegalArgumentException for anything else. */
  static Keyset decode(String cursor) {
    int separator = cursor.indexOf('_');
    if (!cursor.startsWith("k") || separator < 2) {
      throw new IllegalArgumentException("not a keyset cursor");
    }
    long micros = Long.parseLong(cursor.substring(1, separator));
    return new Keyset(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1000), UUID.fromString(cursor.substring(separator + 1)));
  }
}
