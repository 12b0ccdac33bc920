package org.saypro.dcop.core.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * What the verifier of a presentation asked for.
 *
 * @param challenge the challenge the holder had to sign, when one was requested
 * @param domain the domain the holder had to sign, when one was requested
 * @param holderBinding whether every credential must be about the holder (on unless the request turns it off)
 * @param challengeRefusal why the requested challenge is not acceptable (unknown, expired, already used), if so
 */
public record PresentationOptions(
    Optional<String> challenge, Optional<String> domain, boolean holderBinding, Optional<String> challengeRefusal) {
  public PresentationOptions {
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(challengeRefusal, "challengeRefusal");
  }

  public static PresentationOptions none() {
    return new PresentationOptions(Optional.empty(), Optional.empty(), true, Optional.empty());
  }
}
