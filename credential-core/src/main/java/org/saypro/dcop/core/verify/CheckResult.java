package org.saypro.dcop.core.verify;

import java.util.Objects;
import java.util.Optional;

/** The result of one named check, with a sentence a person can read. */
public sealed interface CheckResult {
  String check();

  String detail();

  Status status();

  enum Status {
    PASSED,
    FAILED,
    SKIPPED,
    /** Not yet decidable and not a failure: e.g. issued, but not yet anchored on the ledger. */
    PENDING,
    /** Could not be decided now, and it matters: e.g. the status list could not be fetched. Never verified. */
    INDETERMINATE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** @param transaction the ledger transaction the check rests on, for the anchor check */
  record Passed(String check, String detail, Optional<LedgerTransaction> transaction) implements CheckResult {
    public Passed {
      requireText(check, detail);
      Objects.requireNonNull(transaction, "transaction");
    }

    public Passed(String check, String detail) {
      this(check, detail, Optional.empty());
    }

    @Override
    public Status status() {
      return Status.PASSED;
    }
  }

  record Failed(String check, String detail) implements CheckResult {
    public Failed {
      requireText(check, detail);
    }

    @Override
    public Status status() {
      return Status.FAILED;
    }
  }

  /** Not yet decidable, and not a failure (an anchor still to come). */
  record Pending(String check, String detail) implements CheckResult {
    public Pending {
      requireText(check, detail);
    }

    @Override
    public Status status() {
      return Status.PENDING;
    }
  }

  /**
   * The check could not be completed (a status list out of reach): the credential is not shown as verified, and not
   * as failed either.
   */
  record Indeterminate(String check, String detail) implements CheckResult {
    public Indeterminate {
      requireText(check, detail);
    }

    @Override
    public Status status() {
      return Status.INDETERMINATE;
    }
  }

  /** Not evaluated, because an earlier check left nothing to evaluate it on. */
  record Skipped(String check, String detail) implements CheckResult {
    public Skipped {
      requireText(check, detail);
    }

    @Override
    public Status status() {
      return Status.SKIPPED;
    }
  }

  private static void requireText(String check, String detail) {
    Objects.requireNonNull(check, "check");
    if (detail == null || detail.isBlank()) {
      throw new IllegalArgumentException("every check result explains itself");
    }
  }
}
