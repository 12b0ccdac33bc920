package org.saypro.dcop.web;

import com.fasterxml.jackson.core.JacksonException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.saypro.dcop.core.json.MalformedJsonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become HTTP responses: every error the framework or a controller raises is written
 * as {@code application/problem+json} with a stable type. Unexpected faults are logged with a reference and
 * answered without details.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

  @Override
  public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
    Problem problem = toProblem(context, response.getStatus());
    context.getRootCause()
        .filter(ProblemException.class::isInstance)
        .ifPresent(e -> ((ProblemException) e).headers().forEach(response::header));
    MutableHttpResponse<Problem> written = response
        .status(problem.status())
        .contentType(Problem.MEDIA_TYPE)
        .body(problem);
    ProblemResponses.challenge(written);
    return written;
  }

  static Problem toProblem(ErrorContext context, HttpStatus status) {
    Optional<Throwable> cause = context.getRootCause();
    if (cause.isPresent()) {
      Throwable error = cause.get();
      if (error instanceof ProblemException problem) {
        return problem.problem();
      }
      if (error instanceof MalformedJsonException || error instanceof JacksonException
          || (error instanceof ConversionErrorException conversion && conversion.getCause() instanceof JacksonException)) {
        return Problem.of(ProblemType.MALFORMED_JSON, "the body could not be read as JSON");
      }
      if (error instanceof ContentLengthExceededException) {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body exceeds the size limit");
      }
    }
    return switch (status) {
      // Micronaut Security's own refusals (a rule rejecting a request) arrive here as bare statuses
      case UNAUTHORIZED -> Problem.of(ProblemType.UNAUTHORIZED, "send Authorization: Bearer <token>; POST /login gives one");
      case FORBIDDEN -> Problem.of(ProblemType.FORBIDDEN, "your roles do not allow this");
      case TOO_MANY_REQUESTS -> Problem.of(ProblemType.TOO_MANY_REQUESTS, "try again later");
      case NOT_FOUND -> Problem.of(ProblemType.NOT_FOUND, "there is nothing at this address");
      case METHOD_NOT_ALLOWED -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "this address does not accept that method");
      case UNSUPPORTED_MEDIA_TYPE -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
      case NOT_ACCEPTABLE -> Problem.of(ProblemType.NOT_ACCEPTABLE, "the requested representation is not available");
      case REQUEST_ENTITY_TOO_LARGE -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body exceeds the size limit");
      case SERVICE_UNAVAILABLE -> Problem.of(ProblemType.SERVICE_UNAVAILABLE, "try again shortly");
      default -> {
        if (status.getCode() >= 500) {
          String reference = java.util.UUID.randomUUID().toString();
          LOG.error("unexpected error, reference {}", reference, cause.orElse(null));
          yield Problem.of(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; reference " + reference);
        }
        String message =
            context.getErrors().isEmpty() ? "the request could not be processed" : "the request is not valid";
        yield Problem.of(ProblemType.INVALID_REQUEST, message);
      }
    };
  }
}
