package org.saypro.dcop.issuer.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.core.issue.SecuredCredential;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;
import org.saypro.dcop.issuer.config.IssuerSettings;

/** VC API: issue a credential, and fetch one that was issued. */
@Controller("/credentials")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Issuing")
class CredentialsController {

  static final String VC_JWT = "application/vc+jwt";
  private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  private final IssueCredentialService service;
  private final IssuerSettings settings;
  private final Authorizer authorizer;

  CredentialsController(IssueCredentialService service, IssuerSettings settings, Authorizer authorizer) {
    this.service = service;
    this.settings = settings;
    this.authorizer = authorizer;
  }

  @Post(uri = "/issue", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Issue a credential (VC API)",
      description =
          "Validates the credential (VC Data Model 2.0; Open Badges 3.0 schema for OpenBadgeCredential), gives it an"
              + " id if it has none, secures it and stores it. options.securingMechanism: vc+jwt (options.algorithm"
              + " EdDSA or ES256) or DataIntegrityProof (options.cryptosuite eddsa-rdfc-2022 or ecdsa-rdfc-2019);"
              + " without options the configured default applies. The same Idempotency-Key with the same body"
              + " returns the same credential.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      value =
                          "{\"credential\":{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                              + "\"type\":[\"VerifiableCredential\"],\"issuer\":\"did:web:localhost%3A8080\","
                              + "\"validFrom\":\"2026-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"did:example:learner\","
                              + "\"name\":\"Thandi\"}},\"options\":{}}")))
  @ApiResponse(responseCode = "201", description = "{\"verifiableCredential\": EnvelopedVerifiableCredential}")
  @ApiResponse(responseCode = "400", description = "problem+json naming every offending field")
  @ApiResponse(responseCode = "409", description = "Idempotency-Key reused with another body, or duplicate id")
  HttpResponse<String> issue(
      @Nullable Authentication authentication,
      @Body byte[] body,
      @Parameter(description = "Makes retries safe: the same key and body give the same credential")
          @Nullable @Header("Idempotency-Key") String idempotencyKey) {
    authorizer.signedIn(authentication);
    JsonNode request = JsonBodies.readObject(body, settings.maxJsonBytes());
    // decided before anything is signed: officers of the organisation owning the issuer DID, or platform admins
    Caller caller = authorizer.officerForIssuer(authentication, issuerDid(request.path("credential")));
    // keys are the caller's own: one caller's key can neither replay nor block another's request, nor an award's
    Optional<String> key = idempotencyKey(idempotencyKey).map(k -> "api:" + caller.actor() + ":" + k);
    return IssueResponses.of(service.issue(request, key, caller.actor()), settings);
  }

  @Get(uri = "/{uuid}", produces = {MediaType.APPLICATION_JSON, VC_JWT})
  @Operation(
      summary = "Fetch an issued credential",
      description = "The EnvelopedVerifiableCredential as JSON, or the bare JWT with Accept: application/vc+jwt.")
  @ApiResponse(responseCode = "404", description = "No credential has this identifier")
  HttpResponse<String> get(String uuid, HttpRequest<?> request) {
    StoredCredential stored =
        parseUuid(uuid)
            .flatMap(service::find)
            .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no credential has this identifier"));
    boolean wantsJwt =
        request.accept().stream().anyMatch(type -> type.toString().equals(VC_JWT))
            && request.accept().stream().noneMatch(type -> type.equals(MediaType.APPLICATION_JSON_TYPE));
    if (wantsJwt) {
      if (!SecuredCredential.VcJwt.FORMAT.equals(stored.format())) {
        throw new ProblemException(
            ProblemType.NOT_ACCEPTABLE, "this credential is secured with a Data Integrity proof, not as a JWT");
      }
      return HttpResponse.ok(stored.securedForm()).contentType(VC_JWT);
    }
    return HttpResponse.ok(Json.writeString(stored.responseJson())).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** The credential's issuer: {@code issuer} as a string, or {@code issuer.id}; empty when neither is text. */
  private static Optional<String> issuerDid(JsonNode credential) {
    JsonNode issuer = credential.path("issuer");
    JsonNode id = issuer.isObject() ? issuer.path("id") : issuer;
    return id.isTextual() ? Optional.of(id.textValue()) : Optional.empty();
  }

  private static Optional<UUID> parseUuid(String text) {
    try {
      UUID uuid = UUID.fromString(text);
      return uuid.toString().equals(text.toLowerCase(java.util.Locale.ROOT)) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> idempotencyKey(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (header.isBlank() || header.length() > MAX_IDEMPOTENCY_KEY_LENGTH
        || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " printable ASCII characters");
    }
    return Optional.of(header);
  }
}
