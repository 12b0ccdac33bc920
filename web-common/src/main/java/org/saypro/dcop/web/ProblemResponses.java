package org.saypro.dcop.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Builds problem responses; the only code that pairs a problem with its status and media type. */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static MutableHttpResponse<Problem> of(Problem problem) {
    return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
        .contentType(Problem.MEDIA_TYPE)
        .body(problem);
  }
}
