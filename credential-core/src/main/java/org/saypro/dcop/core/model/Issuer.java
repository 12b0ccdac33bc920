package org.saypro.dcop.core.model;

import java.util.Objects;
import java.util.Optional;

/** Who issued a credential: a URL (usually a DID), and the name it gave itself, if any. */
public record Issuer(String id, Optional<String> name) {
  public Issuer {
    Objects.requireNonNull(name, "name");
    if (!Urls.isAbsolute(id)) {
      throw new IllegalArgumentException("issuer id must be an absolute URL: " + id);
    }
  }
}
