package org.saypro.dcop.issuer.log;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Appends pending log entries. It joins the caller's transaction (mandatory): an entry exists exactly when what it
 * commits to was stored. The entries of one call get increasing arrival ids in list order, so the sequencer gives
 * them leaf indexes in that order (entries of concurrent transactions may fall between them).
 */
@Singleton
public class AppendToLog {

  /**
   * One statement for any number of entries: the rows come out of {@code unnest} in list order ({@code with
   * ordinality}, sorted on it), and {@code entry_id}'s {@code nextval} is taken row by row in that order.
   */
  private static final String INSERT =
      "insert into log_entry (data_sha256, kind, credential_uuid, created_at)"
          + " select v.data_sha256, 'credential', v.credential_uuid, v.created_at"
          + " from unnest(?::bytea[], ?::uuid[], ?::text[]::timestamptz[]) with ordinality"
          + " as v(data_sha256, credential_uuid, created_at, position)"
          + " order by v.position";

  /** The SHA-256 length log_entry.data_sha256 holds (its check constraint). */
  static final int SHA256_BYTES = 32;

  /** What one pending entry commits to: a stored credential, the SHA-256 of its secured form, and when. */
  public record Entry(UUID credentialUuid, byte[] securedFormSha256, Instant at) {

    /** Refuses a missing value or a hash that is not 32 bytes; keeps its own copy of the hash. */
    public Entry {
      Objects.requireNonNull(credentialUuid, "credentialUuid");
      Objects.requireNonNull(securedFormSha256, "securedFormSha256");
      Objects.requireNonNull(at, "at");
      if (securedFormSha256.length != SHA256_BYTES) {
        throw new IllegalArgumentException(
            "securedFormSha256 must be " + SHA256_BYTES + " bytes (SHA-256), not " + securedFormSha256.length);
      }
      securedFormSha256 = securedFormSha256.clone();
    }

    @Override
    public byte[] securedFormSha256() {
      return securedFormSha256.clone();
    }
  }

  private final JdbcOperations jdbc;

  AppendToLog(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends one entry: {@link #credentials(List)} with a list of one. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void credential(UUID credentialUuid, byte[] securedFormSha256, Instant at) {
    credentials(List.of(new Entry(credentialUuid, securedFormSha256, at)));
  }

  /**
   * Appends the entries, in list order, with one statement in the caller's transaction. Each must reference a
   * credential row stored before it, in this transaction or an earlier one (log_entry's foreign key).
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void credentials(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    int n = entries.size();
    byte[][] hashes = new byte[n][];
    UUID[] credentials = new UUID[n];
    String[] times = new String[n];
    for (int i = 0; i < n; i++) {
      Entry entry = entries.get(i);
      hashes[i] = entry.securedFormSha256;
      credentials[i] = entry.credentialUuid;
      // ISO 8601 in UTC (2026-11-23T21:10:45.123456Z): no dependence on the JVM's or the session's time zone.
      times[i] = entry.at.toString();
    }
    int inserted =
        jdbc.prepareStatement(INSERT, statement -> {
          Connection connection = statement.getConnection();
          statement.setArray(1, connection.createArrayOf("bytea", hashes));
          statement.setArray(2, connection.createArrayOf("uuid", credentials));
          statement.setArray(3, connection.createArrayOf("text", times));
          return statement.executeUpdate();
        });
    if (inserted != n) {
      throw new IllegalStateException("appended " + inserted + " log entries, not " + n);
    }
  }

  /** A status change: the entry commits to the change's statement, stored in {@code status_change}. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void statusChange(long changeId, UUID credentialUuid, byte[] statementSha256, Instant at) {
    jdbc.prepareStatement(
        "insert into log_entry (data_sha256, kind, credential_uuid, status_change_id, created_at)"
            + " values (?, 'status', ?, ?, ?)",
        statement -> {
          statement.setBytes(1, statementSha256);
          statement.setObject(2, credentialUuid);
          statement.setLong(3, changeId);
          statement.setTimestamp(4, java.sql.Timestamp.from(at));
          return statement.executeUpdate();
        });
  }
}
