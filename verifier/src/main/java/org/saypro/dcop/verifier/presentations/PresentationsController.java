package org.saypro.dcop.verifier.presentations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.core.verify.PresentationOptions;
import org.saypro.dcop.core.verify.PresentationReport;
import org.saypro.dcop.core.verify.PresentationVerifier;
import org.saypro.dcop.core.verify.VerificationReport;
import org.saypro.dcop.verifier.VerifierSettings;
import org.saypro.dcop.verifier.api.VerificationResponse;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** VC API: challenges for holders to sign, and presentation verification. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Verifying")
class PresentationsController {

  private final PresentationVerifier verifier;
  private final Challenges challenges;
  private final VerifierSettings settings;

  PresentationsController(PresentationVerifier verifier, Challenges challenges, VerifierSettings settings) {
    this.verifier = verifier;
    this.challenges = challenges;
    this.settings = settings;
  }

  @Post(uri = "/challenges", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "A fresh single-use challenge", description = "Valid for five minutes, accepted once.")
  HttpResponse<String> challenge() {
    ChallengeRow row = challenges.create();
    ObjectNode json = Json.newObject().put("challenge", row.challenge()).put("expires", row.expiresAt().toString());
    return HttpResponse.<String>status(HttpStatus.CREATED).body(Json.writeString(json));
  }

  @Post(uri = "/presentations/verify", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Verify a presentation (VC API)",
      description =
          "{\"verifiablePresentation\": ..., \"options\": {\"challenge\", \"domain\", \"holderBinding\"}}: checks the"
              + " presentation's proof (Data Integrity with purpose authentication, or vp+jwt with nonce/aud), the"
              + " challenge (single use, from POST /challenges) and domain, that the holder signed it and is the"
              + " subject of every credential, and every credential with its own checks.")
  @ApiResponse(responseCode = "200", description = "{verified, checks, credentials: [{verified, checks}], problemDetails}")
  @ApiResponse(responseCode = "400", description = "The input is not a presentation, or the options are invalid")
  HttpResponse<String> verify(@Body byte[] body) {
    JsonNode request = JsonBodies.readObject(body, settings.maxJsonBytes());
    PresentationOptions options = options(request.get("options"));
    Object presentation =
        PresentationVerifier.classify(request.get("verifiablePresentation"))
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_A_PRESENTATION,
                        "verifiablePresentation must be a presentation: a JSON presentation, a vp+jwt or an"
                            + " EnvelopedVerifiablePresentation",
                        List.of(new FieldError("/verifiablePresentation", "is not a presentation"))));
    if (options.challenge().isPresent()) {
      options =
          new PresentationOptions(
              options.challenge(), options.domain(), options.holderBinding(),
              challenges.consume(options.challenge().get()));
    }
    return HttpResponse.ok(Json.writeString(response(verifier.verify(presentation, options))));
  }

  private static PresentationOptions options(JsonNode options) {
    if (options == null || options.isNull()) {
      return PresentationOptions.none();
    }
    if (!options.isObject()) {
      throw invalid(List.of(new FieldError("/options", "must be an object")));
    }
    List<FieldError> errors = new ArrayList<>();
    Optional<String> challenge = Optional.empty();
    Optional<String> domain = Optional.empty();
    boolean holderBinding = true;
    for (Iterator<String> names = options.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = options.get(name);
      switch (name) {
        case "challenge" -> {
          if (value.isTextual() && !value.textValue().isEmpty()) {
            challenge = Optional.of(value.textValue());
          } else {
            errors.add(new FieldError("/options/challenge", "must be a non-empty string"));
          }
        }
        case "domain" -> {
          if (value.isTextual() && !value.textValue().isEmpty()) {
            domain = Optional.of(value.textValue());
          } else {
            errors.add(new FieldError("/options/domain", "must be a non-empty string"));
          }
        }
        case "holderBinding" -> {
          if (value.isBoolean()) {
            holderBinding = value.booleanValue();
          } else {
            errors.add(new FieldError("/options/holderBinding", "must be true or false"));
          }
        }
        default -> errors.add(new FieldError("/options/" + name, "unknown option"));
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new PresentationOptions(challenge, domain, holderBinding, Optional.empty());
  }

  private static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(ProblemType.INVALID_REQUEST, "the options are not valid", errors);
  }

  private static ObjectNode response(PresentationReport report) {
    ObjectNode json = VerificationResponse.of(report.verified(), report.checks());
    ArrayNode credentials = json.putArray("credentials");
    for (VerificationReport credential : report.credentials()) {
      credentials.add(VerificationResponse.of(credential));
    }
    return json;
  }
}
