package org.saypro.dcop.core.status;

import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.model.Urls;

/**
 * The status-list view of a {@code BitstringStatusListCredential}. Whether its proof holds, its issuer is trusted and
 * it is within its validity period is the credential verifier's answer, not this record's.
 */
public record BitstringStatusListCredential(Optional<String> id, String issuer, BitstringStatusList subject) {

  public static final String TYPE = "BitstringStatusListCredential";

  public BitstringStatusListCredential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    if (!Urls.isAbsolute(issuer)) {
      throw new IllegalArgumentException("issuer must be an absolute URL: " + issuer);
    }
    id.ifPresent(
        value -> {
          if (!Urls.isAbsolute(value)) {
            throw new IllegalArgumentException("the credential id must be an absolute URL: " + value);
          }
        });
  }
}
