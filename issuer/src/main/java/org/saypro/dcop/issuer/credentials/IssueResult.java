package org.saypro.dcop.issuer.credentials;

import java.util.List;
import org.saypro.dcop.core.validation.FieldError;

/** What an issue request gave. Refusals are values; the controller maps them to problems in one place. */
public sealed interface IssueResult {
  /** Issued now, or ({@code replayed}) issued earlier for the same Idempotency-Key and request. */
  record Issued(StoredCredential credential, boolean replayed) implements IssueResult {}

  record Invalid(List<FieldError> errors) implements IssueResult {}

  record IdempotencyKeyReused(String key) implements IssueResult {}

  record DuplicateCredentialId(String credentialId) implements IssueResult {}
}
