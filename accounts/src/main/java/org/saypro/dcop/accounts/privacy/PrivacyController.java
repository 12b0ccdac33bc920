package org.saypro.dcop.accounts.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * The API of a member's privacy: their personal-data export, their erasure (confirmed with the password), their
 * e-mail consent; and erasure of another member by a platform admin, on that member's request made elsewhere.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Privacy")
class PrivacyController {

  private final Authorizer authorizer;
  private final PersonalData personalData;
  private final EmailConsents consents;
  private final PasswordConfirmation confirmation;
  private final TransactionOperations<Connection> transactions;

  PrivacyController(Authorizer authorizer, PersonalData personalData, EmailConsents consents,
      PasswordConfirmation confirmation, TransactionOperations<Connection> transactions) {
    this.authorizer = authorizer;
    this.personalData = personalData;
    this.consents = consents;
    this.confirmation = confirmation;
    this.transactions = transactions;
  }

  @Get(uri = "/me/personal-data", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Everything the service holds about the signed-in member, as a JSON download")
  HttpResponse<String> export(@Nullable Authentication authentication) {
    Caller caller = authorizer.signedIn(authentication);
    return download(personalData.export(caller, caller.user().id()));
  }

  @Post(uri = "/me/erasure", consumes = MediaType.APPLICATION_JSON)
  @Operation(summary = "Erase the signed-in member's personal data",
      description = "{\"password\"}: the member's password again. The profile and posts are anonymised, the rest"
          + " deleted; issued credentials stay verifiable. The account can no longer sign in.")
  HttpResponse<Void> eraseSelf(@Nullable Authentication authentication, @Body byte[] body) {
    Caller caller = authorizer.signedIn(authentication);
    JsonNode json = JsonBodies.readObject(body, 4 * 1024);
    confirmation.check(caller, Optional.ofNullable(json.get("password")).filter(JsonNode::isTextual)
        .map(JsonNode::asText), "/password");
    personalData.erase(caller, caller.user().id());
    return HttpResponse.noContent();
  }

  @Post(uri = "/users/{id}/erasure")
  @Operation(summary = "Erase a member's personal data on their request (platform admins)")
  HttpResponse<Void> eraseOther(@Nullable Authentication authentication, String id) {
    Caller caller = authorizer.platformAdmin(authentication);
    personalData.erase(caller, uuid(id));
    return HttpResponse.noContent();
  }

  @Get(uri = "/me/email-consent", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The e-mails the signed-in member has agreed to receive")
  String consent(@Nullable Authentication authentication) {
    Caller caller = authorizer.signedIn(authentication);
    return Json.writeString(consentJson(transactions.executeRead(s -> consents.current(caller.user().id()))));
  }

  @Put(uri = "/me/email-consent", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Grant or withdraw e-mail consent",
      description = "{\"mentions\": true, \"digests\": false, \"webinar-reminders\": true}; purposes left out stay.")
  String setConsent(@Nullable Authentication authentication, @Body byte[] body) {
    Caller caller = authorizer.signedIn(authentication);
    JsonNode json = JsonBodies.readObject(body, 4 * 1024);
    Map<ConsentPurpose, Boolean> choices = new EnumMap<>(ConsentPurpose.class);
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Optional<ConsentPurpose> purpose = ConsentPurpose.fromLabel(field.getKey());
      if (purpose.isEmpty() || !field.getValue().isBoolean()) {
        errors.add(new FieldError("/" + field.getKey(), purpose.isEmpty()
            ? "is no e-mail purpose: mentions, digests or webinar-reminders" : "must be true or false"));
      } else {
        choices.put(purpose.get(), field.getValue().booleanValue());
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the consent choices are not valid", errors);
    }
    return Json.writeString(consentJson(transactions.executeWrite(s -> {
      consents.set(caller.user().id(), choices);
      return consents.current(caller.user().id());
    })));
  }

  /** The export as a download that no cache keeps. */
  static HttpResponse<String> download(ObjectNode export) {
    return HttpResponse.ok(Json.writeString(export)).contentType(MediaType.APPLICATION_JSON_TYPE)
        .header("Content-Disposition", "attachment; filename=\"personal-data.json\"")
        .header("Cache-Control", "no-store");
  }

  private static ObjectNode consentJson(Set<ConsentPurpose> granted) {
    ObjectNode json = Json.newObject();
    for (ConsentPurpose p : ConsentPurpose.values()) {
      json.put(p.label(), granted.contains(p));
    }
    return json;
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no member with personal data has the id " + id);
    }
  }
}
