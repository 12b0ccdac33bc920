package org.saypro.dcop.issuer.credentials;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.saypro.dcop.issuer.log.AppendToLog;

/**
 * Stores an issued credential, its transparency-log entry and its idempotency record in one transaction: all or
 * nothing. (The status index will join this same transaction.)
 */
@Singleton
class StoreIssuedCredential {

  private final CredentialRepository credentials;
  private final IdempotencyRepository idempotency;
  private final AppendToLog log;

  StoreIssuedCredential(CredentialRepository credentials, IdempotencyRepository idempotency, AppendToLog log) {
    this.credentials = credentials;
    this.idempotency = idempotency;
    this.log = log;
  }

  @Transactional
  void store(CredentialRow credential, @Nullable IdempotencyRow idempotencyRow) {
    credentials.save(credential);
    log.credential(credential.uuid(), credential.securedSha256(), credential.issuedAt());
    if (idempotencyRow != null) {
      idempotency.save(idempotencyRow);
    }
  }
}
