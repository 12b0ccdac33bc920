package org.saypro.dcop.core.status;

import java.util.List;
import java.util.Objects;
import org.saypro.dcop.core.validation.FieldError;

/** The outcome of reading a status value from untrusted JSON: the value, or every problem found. */
public sealed interface Parsed<T> {

  default boolean isValid() {
    return this instanceof Valid;
  }

  record Valid<T>(T value) implements Parsed<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Pointers are relative to the JSON that was parsed; {@link FieldError#under} places them in a larger document. */
  record Invalid<T>(List<FieldError> errors) implements Parsed<T> {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid result names at least one problem");
      }
    }
  }
}
