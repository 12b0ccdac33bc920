package org.saypro.dcop.core.validation;

import java.util.List;
import org.saypro.dcop.core.model.Credential;

/** The outcome of validating a credential: valid, or every problem found. */
public sealed interface Validation {

  record Valid(Credential credential) implements Validation {}

  record Invalid(List<FieldError> errors) implements Validation {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid outcome names at least one error");
      }
    }
  }
}
