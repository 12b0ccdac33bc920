package org.saypro.dcop.accounts.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.Problem;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** {@code POST /login}: e-mail and password for a short-lived bearer access token (a signed JWT). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
class LoginController {

  private static final int MAX_BODY = 8 * 1024;

  private final SignInService signIn;
  private final TokenGenerator tokens;
  private final Duration lifetime;

  LoginController(SignInService signIn, TokenGenerator tokens,
      @Value("${dcop.login.token-lifetime:1h}") Duration lifetime) {
    this.signIn = signIn;
    this.tokens = tokens;
    this.lifetime = lifetime;
  }

  @Post(uri = "/login", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign in",
      description = "{\"username\": \"<e-mail>\", \"password\": \"...\"} → {\"access_token\", \"token_type\":"
          + " \"Bearer\", \"expires_in\"}. Five failures for one username (or twenty from one address) in 15 minutes"
          + " answer 429 with Retry-After.")
  HttpResponse<String> login(@Body byte[] body, HttpRequest<?> request) {
    JsonNode json = JsonBodies.readObject(body, MAX_BODY);
    List<FieldError> errors = new ArrayList<>();
    String username = RequestBodies.text(json, "username", 320, true, errors).orElse("");
    String password = RequestBodies.text(json, "password", 1000, true, errors).orElse("");
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "username and password are required", errors);
    }
    SignIn result = signIn.signIn(username.strip(), password, request.getRemoteAddress().getAddress().getHostAddress());
    if (result instanceof SignIn.TooManyAttempts limited) {
      long seconds = Math.max(1, limited.retryAfter().toSeconds() + 1);
      throw new ProblemException(
          Problem.of(ProblemType.TOO_MANY_REQUESTS, "too many failed sign-ins; try again in " + seconds + " s"),
          Map.of("Retry-After", Long.toString(seconds)));
    }
    if (result instanceof SignIn.Refused) {
      throw new ProblemException(ProblemType.UNAUTHORIZED, "the username or password is wrong");
    }
    SignIn.SignedIn signedIn = (SignIn.SignedIn) result;
    String token = tokens.generateToken(Authentication.build(signedIn.user().id().toString()),
            Math.toIntExact(lifetime.toSeconds()))
        .orElseThrow(() -> new IllegalStateException("no access token could be signed"));
    ObjectNode response = Json.newObject();
    response.put("access_token", token);
    response.put("token_type", "Bearer");
    response.put("expires_in", lifetime.toSeconds());
    response.put("username", signedIn.user().email());
    return HttpResponse.ok(Json.writeString(response)).contentType(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store");
  }
}
