package org.saypro.dcop.issuer.credentials;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Stores an issued credential and its idempotency record in one transaction: both or neither. (The transparency
 * log entry and status index will join this same transaction.)
 */
@Singleton
class StoreIssuedCredential {

  private final CredentialRepository credentials;
  private final IdempotencyRepository idempotency;

  StoreIssuedCredential(CredentialRepository credentials, IdempotencyRepository idempotency) {
    this.credentials = credentials;
    this.idempotency = idempotency;
  }

  @Transactional
  void store(CredentialRow credential, @Nullable IdempotencyRow idempotencyRow) {
    credentials.save(credential);
    if (idempotencyRow != null) {
      idempotency.save(idempotencyRow);
    }
  }
}
