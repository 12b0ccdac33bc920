package org.saypro.dcop.core.issue;

import java.util.List;
import org.saypro.dcop.core.validation.FieldError;

/** What issuing gave: a secured credential, or every reason the request was refused. */
public sealed interface IssueOutcome {
  record Issued(SecuredCredential credential) implements IssueOutcome {}

  /** Field errors point into the credential (or the options, under {@code /options}). */
  record Rejected(List<FieldError> errors) implements IssueOutcome {
    public Rejected {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a rejection names at least one error");
      }
    }
  }
}
