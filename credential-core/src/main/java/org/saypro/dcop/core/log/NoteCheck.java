package org.saypro.dcop.core.log;

import java.util.Objects;

/**
 * The outcome of verifying a signed note, carrying what was verified ({@code T}: the note text, or a checkpoint). A
 * note that fails is a value with its reason, not an exception.
 */
public sealed interface NoteCheck<T> {

  enum Problem {
    /** Not a signed note at all: bad UTF-8, control characters, no blank line, a malformed signature line. */
    MALFORMED_NOTE,
    /** No signature line carries both the trusted key's name and its key ID; others are ignored, as required. */
    NO_SIGNATURE_FROM_KEY,
    /** A line from the trusted key does not verify, so the whole note is rejected. */
    BAD_SIGNATURE,
    /** Signed correctly, but the text is not a checkpoint body this library accepts. */
    MALFORMED_CHECKPOINT,
    /** A valid checkpoint of another log than the one expected. */
    WRONG_ORIGIN
  }

  default boolean isVerified() {
    return this instanceof Verified;
  }

  record Verified<T>(T value) implements NoteCheck<T> {
    public Verified {
      Objects.requireNonNull(value, "value");
    }
  }

  record Rejected<T>(Problem problem, String detail) implements NoteCheck<T> {
    public Rejected {
      Objects.requireNonNull(problem, "problem");
      if (detail == null || detail.isBlank()) {
        throw new IllegalArgumentException("a rejection explains itself");
      }
    }
  }
}
