package org.saypro.dcop.verifier.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.verifier.VerifierSettings;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** VC API: verify a credential. A credential that fails a check is a 200 answer with the report. */
@Controller("/credentials")
@Tag(name = "Verifying")
class VerifyController {

  private final CredentialVerifier verifier;
  private final VerifierSettings settings;

  VerifyController(CredentialVerifier verifier, VerifierSettings settings) {
    this.verifier = verifier;
    this.settings = settings;
  }

  @Post(uri = "/verify", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Operation(
      summary = "Verify a credential (VC API)",
      description =
          "Accepts {\"verifiableCredential\": ...} where the value is an EnvelopedVerifiableCredential, a vc+jwt"
              + " string, or a credential JSON object. Runs the format, signature, issuer and validity checks.")
  @ApiResponse(responseCode = "200", description = "{verified, checks:[{check,status,detail}], problemDetails}")
  @ApiResponse(responseCode = "400", description = "The input is not a credential in any form")
  HttpResponse<String> verify(@Body byte[] body) {
    JsonNode request = JsonBodies.readObject(body, settings.maxJsonBytes());
    JsonNode options = request.get("options");
    if (options != null && !options.isNull() && !options.isObject()) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "options must be an object", List.of(new FieldError("/options", "must be an object")));
    }
    SecuredInput input =
        SecuredInput.classify(request.get("verifiableCredential"))
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_A_CREDENTIAL,
                        "verifiableCredential must be a credential: an EnvelopedVerifiableCredential, a vc+jwt, or a"
                            + " credential object",
                        List.of(new FieldError("/verifiableCredential", "is not a credential"))));
    return HttpResponse.ok(Json.writeString(VerificationResponse.of(verifier.verify(input))));
  }
}
