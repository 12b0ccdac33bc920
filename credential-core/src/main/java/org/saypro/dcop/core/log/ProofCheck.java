package org.saypro.dcop.core.log;

import java.util.Objects;

/** The outcome of checking an inclusion or consistency proof. A proof that does not hold is a value, not an error. */
public sealed interface ProofCheck {

  default boolean isValid() {
    return this instanceof Valid;
  }

  /** The proof holds: the hashes chain to the expected root(s). */
  record Valid() implements ProofCheck {}

  /** The proof does not hold, and why. */
  record Invalid(ProofFailure failure) implements ProofCheck {
    public Invalid {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
