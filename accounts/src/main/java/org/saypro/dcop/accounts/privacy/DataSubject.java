package org.saypro.dcop.accounts.privacy;

import java.util.Objects;
import java.util.UUID;

/** The member whose data is exported or erased, with the e-mail address they had before any anonymisation. */
public record DataSubject(UUID id, String email) {

  public DataSubject {
    Objects.requireNonNull(id, "id");
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("a data subject has an e-mail address");
    }
  }
}
