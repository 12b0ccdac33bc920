package org.saypro.dcop.issuer.credentials;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An issued credential as stored: where to fetch it, its id, and its secured form. */
public record StoredCredential(UUID uuid, String credentialId, String compactJws, Instant issuedAt) {
  public StoredCredential {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(compactJws, "compactJws");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  static StoredCredential of(CredentialRow row) {
    return new StoredCredential(row.uuid(), row.credentialId(), row.securedForm(), row.issuedAt());
  }
}
