package org.saypro.dcop.accounts.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.saypro.dcop.accounts.signin.SignIn;
import org.saypro.dcop.accounts.signin.SignInService;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Sign-in and sign-out for the web pages: the same checks as {@code POST /login} (rate limit, Argon2id, audit), but
 * the token goes into the session cookie instead of the response body.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class SignInPageController {

  private final SignInService signIn;
  private final TokenGenerator tokens;
  private final SessionCookie sessions;
  private final FormTokens formTokens;
  private final Pages pages;
  private final Duration lifetime;

  SignInPageController(SignInService signIn, TokenGenerator tokens, SessionCookie sessions, FormTokens formTokens,
      Pages pages, @Value("${dcop.session.lifetime:8h}") Duration lifetime) {
    this.signIn = signIn;
    this.tokens = tokens;
    this.sessions = sessions;
    this.formTokens = formTokens;
    this.pages = pages;
    this.lifetime = lifetime;
  }

  @Get(uri = "/signin", produces = MediaType.TEXT_HTML)
  HttpResponse<?> form(@Nullable @QueryValue String next, HttpRequest<?> request) {
    return HttpResponse.ok(page(request, next, "", Optional.empty()));
  }

  @Post(uri = "/signin", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> signIn(@Body Map<String, String> form, HttpRequest<?> request) {
    // a sign-in posted from another site would sign the visitor into someone else's account
    if ("cross-site".equals(request.getHeaders().get("Sec-Fetch-Site"))) {
      throw new ProblemException(ProblemType.FORM_EXPIRED, "sign in from this site's own sign-in page");
    }
    String username = form.getOrDefault("username", "").strip();
    String password = form.getOrDefault("password", "");
    String next = form.get("next");
    if (username.isEmpty() || password.isEmpty() || username.length() > 320 || password.length() > 1000) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST)
          .body(page(request, next, username, Optional.of("Enter your e-mail address and your password.")));
    }
    SignIn result = signIn.signIn(username, password, request.getRemoteAddress().getAddress().getHostAddress());
    if (result instanceof SignIn.TooManyAttempts limited) {
      long seconds = Math.max(1, limited.retryAfter().toSeconds() + 1);
      return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds))
          .body(page(request, next, username, Optional.of(
              "Too many failed sign-ins. Try again in " + Math.max(1, (seconds + 59) / 60) + " minute(s).")));
    }
    if (!(result instanceof SignIn.SignedIn signedIn)) {
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .body(page(request, next, username, Optional.of("The e-mail address or the password is wrong.")));
    }
    String token = tokens.generateToken(Authentication.build(signedIn.user().id().toString()),
            Math.toIntExact(lifetime.toSeconds()))
        .orElseThrow(() -> new IllegalStateException("no session token could be signed"));
    return HttpResponse.seeOther(URI.create(PagePaths.safeReturn(next))).cookie(sessions.open(token, lifetime));
  }

  @Post(uri = "/signout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> signOut(@Body Map<String, String> form, HttpRequest<?> request) {
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    return HttpResponse.seeOther(URI.create("/signin")).cookie(sessions.close());
  }

  private ModelAndView<Map<String, Object>> page(
      HttpRequest<?> request, @Nullable String next, String username, Optional<String> error) {
    return pages.view("signin", request, Map.of("next", PagePaths.safeReturn(next), "username", username,
        "error", error.orElse(""), "signedIn", false));
  }
}
