package org.saypro.dcop.core.model;

import java.util.Objects;
import java.util.Optional;

/** One subject of a credential. Its claims stay in the credential's JSON; this names whom they are about. */
public record CredentialSubject(Optional<String> id) {
  public CredentialSubject {
    Objects.requireNonNull(id, "id");
    id.ifPresent(
        value -> {
          if (!Urls.isAbsolute(value)) {
            throw new IllegalArgumentException("credentialSubject id must be an absolute URL: " + value);
          }
        });
  }
}
