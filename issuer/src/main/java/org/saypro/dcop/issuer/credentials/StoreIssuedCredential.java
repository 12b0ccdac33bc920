package org.saypro.dcop.issuer.credentials;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.saypro.dcop.issuer.log.AppendToLog;
import org.saypro.dcop.issuer.sql.CopyRows;

/**
 * Stores issued credentials, their transparency-log entries and their idempotency records in the caller's
 * transaction: all or nothing. One COPY per table whatever the number of credentials, so a chunk of a bulk file costs a
 * few round trips rather than a few per row.
 */
@Singleton
class StoreIssuedCredential {

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
    CopyRows copy = new CopyRows("credential", "uuid", "credential_id", "issuer", "subject", "types", "format",
        "secured_form", "secured_sha256", "issued_at");
    for (CredentialRow row : rows) {
      copy.row(row.uuid(), row.credentialId(), row.issuer(), row.subject(), List.of(row.types()), row.format(),
          row.securedForm(), row.securedSha256(), row.issuedAt());
    }
    copy.insert(jdbc);
  }
}
