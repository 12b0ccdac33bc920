package org.saypro.dcop.issuer.credentials;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.saypro.dcop.issuer.log.AppendToLog;

/**
 * Stores issued credentials, their transparency-log entries and their idempotency records in the caller's
 * transaction: all or nothing. One statement per table whatever the number of credentials, so a chunk of a bulk file
 * costs a few round trips rather than a few per row.
 */
@Singleton
class StoreIssuedCredential {

  /** Each credential's types travel as one array literal (text), read back in their order by a cast. */
  private static final String INSERT =
      "insert into credential (uuid, credential_id, issuer, subject, types, format, secured_form, secured_sha256,"
          + " issued_at)"
          + " select v.uuid, v.credential_id, v.issuer, v.subject, v.types::text[],"
          + " v.format, v.secured_form, v.secured_sha256, v.issued_at"
          + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[],"
          + " ?::text[]::timestamptz[])"
          + " as v(uuid, credential_id, issuer, subject, types, format, secured_form, secured_sha256, issued_at)";

  private final JdbcOperations jdbc;
  private final IdempotencyKeys idempotency;
  private final AppendToLog log;

  StoreIssuedCredential(JdbcOperations jdbc, IdempotencyKeys idempotency, AppendToLog log) {
    this.jdbc = jdbc;
    this.idempotency = idempotency;
    this.log = log;
  }

  /** @param idempotencyRows the keys of those credentials that were issued under one */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  void store(List<CredentialRow> credentials, List<IdempotencyRow> idempotencyRows) {
    insert(credentials);
    log.credentials(credentials.stream()
        .map(c -> new AppendToLog.Entry(c.uuid(), c.securedSha256(), c.issuedAt())).toList());
    idempotency.insert(idempotencyRows);
  }

  private void insert(List<CredentialRow> rows) {
    jdbc.prepareStatement(INSERT, s -> {
      Connection connection = s.getConnection();
      s.setArray(1, connection.createArrayOf("uuid", rows.stream().map(CredentialRow::uuid).toArray(UUID[]::new)));
      s.setArray(2, texts(connection, rows.stream().map(CredentialRow::credentialId).toArray(String[]::new)));
      s.setArray(3, texts(connection, rows.stream().map(CredentialRow::issuer).toArray(String[]::new)));
      s.setArray(4, texts(connection, rows.stream().map(CredentialRow::subject).toArray(String[]::new)));
      s.setArray(5, texts(connection, rows.stream().map(r -> TextArrayLiteral.of(r.types())).toArray(String[]::new)));
      s.setArray(6, texts(connection, rows.stream().map(CredentialRow::format).toArray(String[]::new)));
      s.setArray(7, texts(connection, rows.stream().map(CredentialRow::securedForm).toArray(String[]::new)));
      s.setArray(8, connection.createArrayOf("bytea", rows.stream().map(CredentialRow::securedSha256)
          .toArray(byte[][]::new)));
      // ISO 8601 in UTC: no dependence on the JVM's or the session's time zone
      s.setArray(9, texts(connection, rows.stream().map(r -> r.issuedAt().toString()).toArray(String[]::new)));
      int inserted = s.executeUpdate();
      if (inserted != rows.size()) {
        throw new IllegalStateException("stored " + inserted + " credentials, not " + rows.size());
      }
      return inserted;
    });
  }

  private static java.sql.Array texts(Connection connection, String[] values) throws java.sql.SQLException {
    return connection.createArrayOf("text", values);
  }
}
