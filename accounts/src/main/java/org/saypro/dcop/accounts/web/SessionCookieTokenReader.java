package org.saypro.dcop.accounts.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the session cookie as the access token, on web pages only: the API keeps to bearer tokens, so a cookie a
 * browser sends along can never authorise an API call made by another site.
 */
@Singleton
class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

  private final SessionCookie sessions;

  SessionCookieTokenReader(SessionCookie sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<String> findToken(HttpRequest<?> request) {
    return PagePaths.isPage(request.getPath()) ? sessions.read(request) : Optional.empty();
  }
}
