package org.saypro.dcop.issuer.credentials;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of an issuer's list of issued credentials: what the console shows and searches. The learner is the
 * e-mail address or DID an award was made to (from the award's idempotency key), or the credential's subject id.
 */
public record IssuedSummary(
    UUID uuid, Instant issuedAt, Optional<String> qualificationCode, Optional<String> qualificationTitle,
    Optional<String> learner, boolean revoked, boolean suspended, boolean hasStatus) {

  public IssuedSummary {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(qualificationCode, "qualificationCode");
    Objects.requireNonNull(qualificationTitle, "qualificationTitle");
    Objects.requireNonNull(learner, "learner");
  }

  public String state() {
    return revoked ? "revoked" : suspended ? "suspended" : "active";
  }
}
