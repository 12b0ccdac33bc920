package org.saypro.dcop.issuer.organisations;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** An organisation's issuing identity: enable it, rotate its keys, revoke a compromised key. */
@Controller("/organisations/{slug}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Organisations")
class OrganisationIssuingController {

  private final OrganisationIssuing issuing;
  private final IssuerSettings settings;
  private final Authorizer authorizer;

  OrganisationIssuingController(OrganisationIssuing issuing, IssuerSettings settings, Authorizer authorizer) {
    this.issuing = issuing;
    this.settings = settings;
    this.authorizer = authorizer;
  }

  @Post(uri = "/issuing", produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Enable an organisation to issue under its own DID",
      description = "Creates its did:web:<host>:issuers:<slug> and its Ed25519 and P-256 keys (sealed); idempotent."
          + " Answers the issuer profile.")
  HttpResponse<String> enableIssuing(@Nullable Authentication authentication, String slug) {
    String actor = requireAdmin(authentication, slug);
    IssuerProfile profile = issuing.enableIssuing(slug, actor).orElseThrow(() -> notFound(slug));
    return HttpResponse.ok(Json.writeString(IssuerProfileJson.of(profile, settings.baseUrl())));
  }

  @Post(uri = "/keys/rotate", produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rotate the organisation's signing keys",
      description = "New keys sign from now on; the old ones stay in the DID document, so what they signed still"
          + " verifies.")
  HttpResponse<String> rotate(@Nullable Authentication authentication, String slug) {
    String actor = requireAdmin(authentication, slug);
    return answer(issuing.rotate(slug, actor));
  }

  @Post(uri = "/keys/{keyId}/revoke", produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Revoke a compromised key",
      description = "Body {\"revoked\": \"<xsd:dateTime>\"} (optional, default now). The key stays in the DID document"
          + " with `revoked`; verifiers refuse every credential it signed. A revoked active key is replaced at once.")
  HttpResponse<String> revoke(
      @Nullable Authentication authentication, String slug, String keyId, @Nullable @Body byte[] body) {
    String actor = requireAdmin(authentication, slug);
    Instant at = Instant.now();
    if (body != null && body.length > 0) {
      JsonNode request = JsonBodies.readObject(body, settings.maxJsonBytes());
      if (request.has("revoked")) {
        at = revokedAt(request.get("revoked"));
      }
    }
    return answer(issuing.revoke(slug, keyId, at, actor));
  }

  /** Signed in, then the organisation (404), then its admins only (403): the one rule for its keys. */
  private String requireAdmin(Authentication authentication, String slug) {
    authorizer.signedIn(authentication);
    return authorizer.organisationAdmin(authentication, authorizer.organisation(slug)).actor();
  }

  private static Instant revokedAt(JsonNode revoked) {
    try {
      return OffsetDateTime.parse(revoked.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "revoked is a date and time with an offset",
          List.of(new FieldError("/revoked", "must be an xsd:dateTime with a time zone, e.g. 2026-11-23T10:00:00Z")));
    }
  }

  private HttpResponse<String> answer(KeyChange change) {
    if (change instanceof KeyChange.NoSuchOrganisation none) {
      throw notFound(none.slug());
    }
    if (change instanceof KeyChange.NotIssuing not) {
      throw new ProblemException(ProblemType.NOT_AN_ISSUER,
          not.slug() + " does not issue here: enable it with POST /organisations/" + not.slug() + "/issuing");
    }
    if (change instanceof KeyChange.NoSuchKey key) {
      throw new ProblemException(ProblemType.NOT_FOUND, key.slug() + " has no key " + key.keyId());
    }
    IssuerProfile profile = ((KeyChange.Changed) change).profile();
    return HttpResponse.ok(Json.writeString(IssuerProfileJson.of(profile, settings.baseUrl())));
  }

  private static ProblemException notFound(String slug) {
    return new ProblemException(ProblemType.NOT_FOUND, "no organisation " + slug);
  }
}
