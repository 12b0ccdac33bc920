package org.saypro.dcop.accounts.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The browser session: the same signed access token as the API's bearer token, kept in an HttpOnly cookie that
 * scripts cannot read and that browsers send to this site only ({@code SameSite=Strict}). Read on pages only
 * ({@link SessionCookieTokenReader}).
 */
@Singleton
public class SessionCookie {

  public static final String NAME = "dcop_session";

  private final boolean secure;

  SessionCookie(@Value("${dcop.public-url}") String publicUrl) {
    this.secure = publicUrl.startsWith("https:");
  }

  public Cookie open(String token, Duration lifetime) {
    return base(token).maxAge(lifetime);
  }

  public Cookie close() {
    return base("").maxAge(0);
  }

  public Optional<String> read(HttpRequest<?> request) {
    return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
  }

  private Cookie base(String value) {
    return Cookie.of(NAME, value).httpOnly(true).secure(secure).sameSite(SameSite.Strict).path("/");
  }
}
