package org.saypro.dcop.web;

import java.util.List;
import org.saypro.dcop.core.validation.FieldError;

/**
 * Ends a request with a problem response. Use cases return sealed outcomes; controllers turn the refused ones into
 * this, and {@link ProblemErrorResponseProcessor} writes it. No stack trace is captured: this is not a fault.
 */
public final class ProblemException extends RuntimeException {
  private final Problem problem;

  public ProblemException(Problem problem) {
    super(problem.title(), null, false, false);
    this.problem = problem;
  }

  public ProblemException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  public ProblemException(ProblemType type, String detail, List<FieldError> fields) {
    this(Problem.of(type, detail, fields));
  }

  public Problem problem() {
    return problem;
  }
}
