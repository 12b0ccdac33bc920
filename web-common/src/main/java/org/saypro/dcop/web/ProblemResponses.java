package org.saypro.dcop.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;

/** Builds problem responses; the only code that pairs a problem with its status and media type. */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static MutableHttpResponse<Problem> of(Problem problem) {
    return of(problem, Map.of());
  }

  public static MutableHttpResponse<Problem> of(Problem problem, Map<String, String> headers) {
    MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
        .contentType(Problem.MEDIA_TYPE)
        .body(problem);
    headers.forEach(response::header);
    challenge(response);
    return response;
  }

  /** RFC 9110: a 401 names the scheme to authenticate with; bearer tokens are the only one here. */
  static void challenge(MutableHttpResponse<?> response) {
    if (response.getStatus() == HttpStatus.UNAUTHORIZED && !response.getHeaders().contains("WWW-Authenticate")) {
      response.header("WWW-Authenticate", "Bearer");
    }
  }
}
