package org.saypro.dcop.issuer.credentials;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An issued credential as stored: where to fetch it, its id, and its secured form. */
public record StoredCredential(UUID uuid, String credentialId, String format, String securedForm, Instant issuedAt) {
  public StoredCredential {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(securedForm, "securedForm");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  static StoredCredential of(CredentialRow row) {
    return new StoredCredential(row.uuid(), row.credentialId(), row.format(), row.securedForm(), row.issuedAt());
  }

  /** The VC API representation: an EnvelopedVerifiableCredential, or the document with its proof. */
  public com.fasterxml.jackson.databind.node.ObjectNode responseJson() {
    return org.saypro.dcop.core.issue.SecuredCredential.responseJson(format, securedForm);
  }
}
