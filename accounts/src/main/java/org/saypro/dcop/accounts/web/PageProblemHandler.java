package org.saypro.dcop.accounts.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ViewsRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.saypro.dcop.web.Problem;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemExceptionHandler;
import org.saypro.dcop.web.ProblemResponses;

/**
 * The one place problems become responses: problem+json for the API, as before; for pages, the same problem
 * shown as a page with the same status, and a page that needs a session sends the browser to sign in first.
 */
@Singleton
@Replaces(ProblemExceptionHandler.class)
class PageProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {

  private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

  PageProblemHandler(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
    this.views = views;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
    if (!PagePaths.isPage(request.getPath())) {
      return ProblemResponses.of(exception.problem(), exception.headers());
    }
    Problem problem = exception.problem();
    if (problem.status() == HttpStatus.UNAUTHORIZED.getCode() && request.getMethod() == HttpMethod.GET) {
      String back = request.getUri().getRawQuery() == null ? request.getPath()
          : request.getPath() + "?" + request.getUri().getRawQuery();
      return HttpResponse.seeOther(URI.create("/signin?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
    }
    MutableHttpResponse<String> page = HttpResponse.<String>status(HttpStatus.valueOf(problem.status()))
        .body(render(Map.of("problem", view(problem), "signedIn", false, "csrf", ""), request))
        .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    exception.headers().forEach(page::header);
    return page;
  }

  /** Rendered here: responses made by exception handlers do not pass through the views filter. */
  private String render(Map<String, Object> model, HttpRequest<?> request) {
    StringWriter out = new StringWriter();
    try {
      views.render("error", model, request).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("the error page could not be rendered", e);
    }
    return out.toString();
  }

  /** Templates read maps: the problem's fields by name. */
  private static Map<String, Object> view(Problem problem) {
    return Map.of("title", problem.title(), "detail", problem.detail() == null ? "" : problem.detail(),
        "errors", problem.errors().stream()
            .map(e -> Map.of("pointer", e.pointer(), "detail", e.detail())).toList());
  }
}
