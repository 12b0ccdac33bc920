package org.saypro.dcop.issuer.log;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends a pending log entry. It joins the caller's transaction (mandatory): an entry exists exactly when what it
 * commits to was stored.
 */
@Singleton
public class AppendToLog {

  private final JdbcOperations jdbc;

  AppendToLog(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void credential(UUID credentialUuid, byte[] securedFormSha256, Instant at) {
    jdbc.prepareStatement(
        "insert into log_entry (data_sha256, kind, credential_uuid, created_at) values (?, 'credential', ?, ?)",
        statement -> {
          statement.setBytes(1, securedFormSha256);
          statement.setObject(2, credentialUuid);
          statement.setTimestamp(3, Timestamp.from(at));
          return statement.executeUpdate();
        });
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
          statement.setTimestamp(4, Timestamp.from(at));
          return statement.executeUpdate();
        });
  }
}
