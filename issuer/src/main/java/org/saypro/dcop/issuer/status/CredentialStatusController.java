package org.saypro.dcop.issuer.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Changing a credential's status: the VC API's {@code POST /credentials/status}, and the officer's endpoint, which
 * requires a reason. Both end in {@link ChangeCredentialStatus}; this class only reads requests and maps outcomes.
 */
@Controller("/credentials")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Status")
class CredentialStatusController {

  private static final int MAX_REASON = 1000;

  private final ChangeCredentialStatus service;
  private final IssuerSettings settings;
  private final Authorizer authorizer;

  CredentialStatusController(ChangeCredentialStatus service, IssuerSettings settings, Authorizer authorizer) {
    this.service = service;
    this.settings = settings;
    this.authorizer = authorizer;
  }

  /**
   * Officers (and org admins) of the organisation owning the credential's issuer DID, and platform admins; the
   * signed-in user's id is recorded as the actor. 401 comes before 404: anonymous callers learn nothing.
   */
  private Caller officerFor(@Nullable Authentication authentication, UUID credential) {
    authorizer.signedIn(authentication);
    String issuer = service.issuerOf(credential)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no credential has this identifier"));
    return authorizer.officerForIssuer(authentication, Optional.of(issuer));
  }

  @Post(uri = "/status", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Update a credential's status (VC API)",
      description = "{\"credentialId\": \"<the credential's id>\", \"credentialStatus\": [{\"type\":"
          + " \"BitstringStatusListEntry\", \"status\": \"revoked\" | \"suspended\" | \"active\"}], \"reason\": \"...\"}."
          + " \"active\" lifts a suspension; revocation is final. The reason is optional here and recorded in the audit.")
  HttpResponse<String> vcApi(@Nullable Authentication authentication, @Body byte[] body) {
    authorizer.signedIn(authentication);
    JsonNode request = JsonBodies.readObject(body, settings.maxJsonBytes());
    List<FieldError> errors = new ArrayList<>();
    String credentialId = request.path("credentialId").asText("");
    if (!request.path("credentialId").isTextual() || credentialId.isBlank()) {
      errors.add(new FieldError("/credentialId", "is required: the id of a credential issued here"));
    }
    JsonNode statuses = request.path("credentialStatus");
    List<StatusAction> actions = new ArrayList<>();
    // one change per request, so a request is applied whole or not at all
    if (!statuses.isArray() || statuses.size() != 1) {
      errors.add(new FieldError("/credentialStatus", "is required: a list of exactly one status change"));
    } else {
      for (int i = 0; i < statuses.size(); i++) {
        JsonNode item = statuses.get(i);
        if (!item.path("type").asText("").equals("BitstringStatusListEntry")) {
          errors.add(new FieldError("/credentialStatus/" + i + "/type", "must be BitstringStatusListEntry"));
        }
        Optional<StatusAction> action = switch (item.path("status").asText("")) {
          case "revoked" -> Optional.of(StatusAction.REVOKE);
          case "suspended" -> Optional.of(StatusAction.SUSPEND);
          case "active" -> Optional.of(StatusAction.REINSTATE);
          default -> Optional.empty();
        };
        if (action.isPresent()) {
          actions.add(action.get());
        } else {
          errors.add(new FieldError("/credentialStatus/" + i + "/status", "must be revoked, suspended or active"));
        }
      }
    }
    Optional<String> reason = optionalReason(request, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    UUID credential =
        service.findByCredentialId(credentialId)
            .orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "no credential with this id was issued here",
                List.of(new FieldError("/credentialId", "no credential with this id was issued here"))));
    Caller caller = officerFor(authentication, credential);
    CredentialStatusView status =
        answer(service.change(credential, actions.get(0), caller.actor(), reason.orElse("(no reason given)")));
    return HttpResponse.ok(Json.writeString(status.toJson()));
  }

  @Post(uri = "/{uuid}/status", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Revoke, suspend or reinstate a credential (officer)",
      description = "{\"action\": \"revoke\" | \"suspend\" | \"reinstate\", \"reason\": \"...\"}; the reason is required."
          + " The change is audited, entered in the transparency log and published in the status list at once.")
  HttpResponse<String> officer(@Nullable Authentication authentication, String uuid, @Body byte[] body) {
    authorizer.signedIn(authentication);
    UUID credential = uuid(uuid);
    Caller caller = officerFor(authentication, credential);
    JsonNode request = JsonBodies.readObject(body, settings.maxJsonBytes());
    List<FieldError> errors = new ArrayList<>();
    Optional<StatusAction> action = StatusAction.fromLabel(request.path("action").asText(""));
    if (action.isEmpty()) {
      errors.add(new FieldError("/action", "must be revoke, suspend or reinstate"));
    }
    Optional<String> reason = optionalReason(request, errors);
    if (reason.isEmpty() && errors.stream().noneMatch(e -> e.pointer().equals("/reason"))) {
      errors.add(new FieldError("/reason", "is required: say why, for the audit"));
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return HttpResponse.ok(
        Json.writeString(answer(service.change(credential, action.get(), caller.actor(), reason.get())).toJson()));
  }

  @Get(uri = "/{uuid}/status", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "A credential's current status: active, suspended or revoked, with when")
  HttpResponse<String> current(String uuid) {
    CredentialStatusView status =
        service.status(uuid(uuid))
            .orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "no credential with status entries has this identifier"));
    return HttpResponse.ok(Json.writeString(status.toJson()));
  }

  private static CredentialStatusView answer(StatusChangeResult result) {
    if (result instanceof StatusChangeResult.Changed changed) {
      return changed.status();
    }
    if (result instanceof StatusChangeResult.AlreadySo already) {
      return already.status();
    }
    if (result instanceof StatusChangeResult.RevocationIsFinal) {
      throw new ProblemException(
          ProblemType.REVOCATION_IS_FINAL, "the credential is revoked; revocation cannot be lifted or changed");
    }
    if (result instanceof StatusChangeResult.NoStatusEntry missing) {
      throw new ProblemException(
          ProblemType.NO_STATUS_ENTRY, "this credential carries no " + missing.purpose().label() + " entry (Open Badges"
              + " credentials carry a revocation entry only; credentials issued before status lists carry none)");
    }
    throw new ProblemException(ProblemType.NOT_FOUND, "no credential has this identifier");
  }

  private static Optional<String> optionalReason(JsonNode request, List<FieldError> errors) {
    JsonNode reason = request.path("reason");
    if (reason.isMissingNode() || reason.isNull()) {
      return Optional.empty();
    }
    if (!reason.isTextual() || reason.textValue().isBlank() || reason.textValue().length() > MAX_REASON) {
      errors.add(new FieldError("/reason", "must be text of 1 to " + MAX_REASON + " characters"));
      return Optional.empty();
    }
    return Optional.of(reason.textValue().strip());
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no credential has this identifier");
    }
  }

  private static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(ProblemType.INVALID_REQUEST, "the status change request is not valid", errors);
  }
}
