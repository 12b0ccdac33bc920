package org.saypro.dcop.issuer.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Opens a credential from the link in a learner's email, and keeps it in a signed-in learner's account. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Issuing")
class ClaimController {

  private final ClaimLinks claims;
  private final IssuerSettings settings;
  private final Authorizer authorizer;

  ClaimController(ClaimLinks claims, IssuerSettings settings, Authorizer authorizer) {
    this.claims = claims;
    this.settings = settings;
    this.authorizer = authorizer;
  }

  @Get("/claim/{token}")
  @Operation(summary = "Open the credential a claim link points at (records the first claim)")
  HttpResponse<?> claim(String token) {
    return claims.claim(token)
        .map(uuid -> HttpResponse.seeOther(URI.create(settings.baseUrl() + "/credentials/" + uuid)))
        .orElseThrow(ClaimController::unknown);
  }

  @Post(uri = "/claim/{token}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Keep the credential a claim link points at in the signed-in learner's account")
  HttpResponse<String> keep(@Nullable Authentication authentication, String token) {
    Caller caller = authorizer.signedIn(authentication);
    UUID credential = claims.claimFor(token, caller.user().id()).orElseThrow(ClaimController::unknown);
    if (!claims.holder(credential).filter(caller.user().id()::equals).isPresent()) {
      throw new ProblemException(ProblemType.FORBIDDEN, "this credential is already kept in another account");
    }
    return HttpResponse.ok(Json.writeString(
        Json.newObject().put("credential", settings.baseUrl() + "/credentials/" + credential)));
  }

  @Get(uri = "/me/credentials", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in learner's own credentials (those they claimed while signed in)")
  HttpResponse<String> mine(@Nullable Authentication authentication) {
    Caller caller = authorizer.signedIn(authentication);
    ArrayNode list = Json.mapper().createArrayNode();
    claims.heldBy(caller.user().id()).forEach(held -> list.addObject()
        .put("credential", settings.baseUrl() + "/credentials/" + held.getKey())
        .put("claimedAt", held.getValue().toString()));
    ObjectNode json = Json.newObject();
    json.set("credentials", list);
    return HttpResponse.ok(Json.writeString(json));
  }

  private static ProblemException unknown() {
    return new ProblemException(ProblemType.NOT_FOUND, "this link is unknown or has expired");
  }
}
