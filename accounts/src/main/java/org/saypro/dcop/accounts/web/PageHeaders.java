package org.saypro.dcop.accounts.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers of every page: no script at all (pages work without JavaScript, and an escaping slip cannot run one), no
 * framing, forms post only here, nothing cached (pages show signed-in data).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PageHeaders {

  static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @ResponseFilter
  void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (!PagePaths.isPage(request.getPath())) {
      return;
    }
    response.header("Content-Security-Policy", POLICY);
    response.header("X-Content-Type-Options", "nosniff");
    response.header("Referrer-Policy", "same-origin");
    response.header("Cache-Control", "no-store");
  }
}
