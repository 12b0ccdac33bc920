package org.saypro.dcop.issuer.log;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.saypro.dcop.issuer.sql.CopyRows;

/**
 * Appends pending log entries. It joins the caller's transaction (mandatory): an entry exists exactly when what it
 * commits to was stored. The entries of one call get increasing arrival ids in list order, so the sequencer gives
 * them leaf indexes in that order (entries of concurrent transactions may fall between them).
 */
@Singleton
public class AppendToLog {

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
   * Appends the entries, in list order, with one COPY in the caller's transaction. Each must reference a
   * credential row stored before it, in this transaction or an earlier one (log_entry's foreign key).
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void credentials(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    CopyRows copy = new CopyRows("log_entry", "data_sha256", "kind", "credential_uuid", "created_at");
    // entry_id's nextval is taken row by row in the order COPY reads them: list order
    for (Entry entry : entries) {
      copy.row(entry.securedFormSha256, "credential", entry.credentialUuid, entry.at);
    }
    copy.insert(jdbc);
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
