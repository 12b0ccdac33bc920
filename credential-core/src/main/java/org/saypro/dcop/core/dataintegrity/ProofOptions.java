package org.saypro.dcop.core.dataintegrity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a new proof states besides its value. Presentations add a challenge and a domain. */
public record ProofOptions(
    Cryptosuite cryptosuite,
    String verificationMethod,
    String proofPurpose,
    Instant created,
    Optional<String> challenge,
    Optional<String> domain) {

  public static final String ASSERTION_METHOD = "assertionMethod";
  public static final String AUTHENTICATION = "authentication";

  public ProofOptions {
    Objects.requireNonNull(cryptosuite, "cryptosuite");
    Objects.requireNonNull(verificationMethod, "verificationMethod");
    Objects.requireNonNull(proofPurpose, "proofPurpose");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(domain, "domain");
  }

  public static ProofOptions assertion(Cryptosuite suite, String verificationMethod, Instant created) {
    return new ProofOptions(suite, verificationMethod, ASSERTION_METHOD, created, Optional.empty(), Optional.empty());
  }
}
