package org.saypro.dcop.web;

import java.util.List;
import java.util.Map;
import org.saypro.dcop.core.validation.FieldError;

/**
 * Ends a request with a problem response. Use cases return sealed outcomes; controllers turn the refused ones into
 * this, and {@link ProblemErrorResponseProcessor} writes it. No stack trace is captured: this is not a fault.
 */
public final class ProblemException extends RuntimeException {
  private final Problem problem;
  private final transient Map<String, String> headers;

  public ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  /** @param headers response headers the problem needs, e.g. {@code Retry-After} with a 429 */
  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.title(), null, false, false);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
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

  public Map<String, String> headers() {
    return headers;
  }
}
