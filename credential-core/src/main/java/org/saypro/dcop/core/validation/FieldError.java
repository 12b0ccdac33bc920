package org.saypro.dcop.core.validation;

import java.util.Objects;

/** One offending field: a JSON Pointer (RFC 6901) into the input and what is wrong with it. */
public record FieldError(String pointer, String message) {
  public FieldError {
    Objects.requireNonNull(pointer, "pointer");
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("a field error needs a message");
    }
  }

  /** The same error seen from an enclosing document, e.g. {@code /credential} + {@code /issuer}. */
  public FieldError under(String prefix) {
    return new FieldError(prefix + pointer, message);
  }
}
