package org.saypro.dcop.accounts.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * The signed-in user: who they are, their roles, and their personal API tokens. Secured by the framework's rule as
 * well (any signed-in user), so its 401 goes through the same problem+json path as the Authorizer's.
 */
@Controller("/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
class MeController {

  private final Authorizer authorizer;
  private final ApiTokens tokens;
  private final AuditLog audit;
  private final TransactionOperations<Connection> transactions;

  MeController(Authorizer authorizer, ApiTokens tokens, AuditLog audit, TransactionOperations<Connection> transactions) {
    this.authorizer = authorizer;
    this.tokens = tokens;
    this.audit = audit;
    this.transactions = transactions;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in user and their roles")
  String me(@Nullable Authentication authentication) {
    Caller caller = authorizer.signedIn(authentication);
    ObjectNode json = Json.newObject();
    json.put("id", caller.user().id().toString());
    json.put("email", caller.user().email());
    json.put("displayName", caller.user().displayName());
    json.put("platformAdmin", caller.platformAdmin());
    json.put("learner", caller.learner());
    ArrayNode memberships = json.putArray("memberships");
    caller.memberships().forEach(m -> memberships.addObject()
        .put("organisation", m.organisationSlug()).put("role", m.role().label()));
    return Json.writeString(json);
  }

  @Post(uri = "/tokens", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a personal API token",
      description = "{\"name\"} → the token, shown this once; send it as Authorization: Bearer <token>.")
  HttpResponse<String> create(@Nullable Authentication authentication, @Body byte[] body) {
    Caller caller = authorizer.signedIn(authentication);
    JsonNode json = JsonBodies.readObject(body, 8 * 1024);
    List<FieldError> errors = new ArrayList<>();
    Optional<String> name = RequestBodies.text(json, "name", 100, true, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "a token needs a name", errors);
    }
    ApiTokens.Created created = transactions.executeWrite(status -> {
      ApiTokens.Created made = tokens.create(caller.user().id(), name.get());
      audit.record(caller.actor(), Optional.empty(), "token.created", Optional.of(made.token().id().toString()),
          AuditEvent.Outcome.SUCCESS, Json.newObject().put("name", name.get()));
      return made;
    });
    ObjectNode response = listed(created.token());
    response.put("token", created.value());
    return HttpResponse.<String>status(HttpStatus.CREATED).body(Json.writeString(response))
        .contentType(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store");
  }

  @Get(uri = "/tokens", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in user's API tokens (never their values)")
  String list(@Nullable Authentication authentication) {
    Caller caller = authorizer.signedIn(authentication);
    ArrayNode all = Json.mapper().createArrayNode();
    transactions.executeRead(status -> tokens.list(caller.user().id())).forEach(t -> all.add(listed(t)));
    ObjectNode json = Json.newObject();
    json.set("tokens", all);
    return Json.writeString(json);
  }

  @Delete(uri = "/tokens/{id}")
  @Operation(summary = "Revoke one of the signed-in user's API tokens")
  HttpResponse<Void> revoke(@Nullable Authentication authentication, String id) {
    Caller caller = authorizer.signedIn(authentication);
    UUID token;
    try {
      token = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "you have no live token with this id");
    }
    boolean revoked = transactions.executeWrite(status -> {
      boolean done = tokens.revoke(caller.user().id(), token);
      if (done) {
        audit.record(caller.actor(), Optional.empty(), "token.revoked", Optional.of(token.toString()),
            AuditEvent.Outcome.SUCCESS, Json.newObject());
      }
      return done;
    });
    if (!revoked) {
      throw new ProblemException(ProblemType.NOT_FOUND, "you have no live token with this id");
    }
    return HttpResponse.noContent();
  }

  private static ObjectNode listed(ApiTokens.Listed token) {
    ObjectNode json = Json.newObject();
    json.put("id", token.id().toString());
    json.put("name", token.name());
    json.put("createdAt", token.createdAt().toString());
    json.put("lastUsedAt", token.lastUsedAt().map(Object::toString).orElse(null));
    json.put("revokedAt", token.revokedAt().map(Object::toString).orElse(null));
    return json;
  }
}
