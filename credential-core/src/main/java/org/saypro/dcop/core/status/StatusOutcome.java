package org.saypro.dcop.core.status;

import java.util.List;
import java.util.Objects;

/**
 * What a status list says about one entry: its bit is set or unset for the entry's purpose, or the list cannot
 * answer for this entry, and why. For revocation and suspension, set means the credential is not to be accepted.
 */
public sealed interface StatusOutcome {

  default boolean isSet() {
    return this instanceof Set;
  }

  /** The bit is 1. {@code message} is the entry's statusMessage for 0x1, or "set". */
  record Set(String purpose, long index, String message) implements StatusOutcome {
    public Set {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The bit is 0. {@code message} is the entry's statusMessage for 0x0, or "unset". */
  record Unset(String purpose, long index, String message) implements StatusOutcome {
    public Unset {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The list does not answer for this entry; every reason found. */
  record Mismatch(List<Reason> reasons) implements StatusOutcome {
    public Mismatch {
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a mismatch names at least one reason");
      }
    }

    public boolean has(Problem problem) {
      return reasons.stream().anyMatch(r -> r.problem() == problem);
    }

    /** The reasons as one sentence for reports. */
    public String describe() {
      return String.join("; ", reasons.stream().map(Reason::detail).toList());
    }
  }

  record Reason(Problem problem, String detail) {
    public Reason {
      Objects.requireNonNull(problem, "problem");
      if (detail == null || detail.isBlank()) {
        throw new IllegalArgumentException("a reason explains itself");
      }
    }
  }

  /** Each problem with the error the specification's algorithms raise for it (section 3.2 and 3.5). */
  enum Problem {
    /** The list credential's id is not the entry's statusListCredential: a list fetched or stapled for another. */
    LIST_CREDENTIAL_MISMATCH("STATUS_VERIFICATION_ERROR"),
    /** None of the list's statusPurpose values is the entry's. */
    PURPOSE_MISMATCH("STATUS_VERIFICATION_ERROR"),
    /** statusSize above 1, which this implementation does not read (conforming processors MAY support 1 only). */
    UNSUPPORTED_STATUS_SIZE("STATUS_VERIFICATION_ERROR"),
    /** The encodedList does not decode within the limits. */
    MALFORMED_LIST("MALFORMED_VALUE_ERROR"),
    /** Fewer entries than the minimum for herd privacy. */
    LIST_TOO_SHORT("STATUS_LIST_LENGTH_ERROR"),
    /** The index is past the end of the list. */
    INDEX_OUT_OF_RANGE("RANGE_ERROR");

    private final String specificationError;

    Problem(String specificationError) {
      this.specificationError = specificationError;
    }

    /** The specification's error name, e.g. for a problem details type ending in it. */
    public String specificationError() {
      return specificationError;
    }
  }
}
