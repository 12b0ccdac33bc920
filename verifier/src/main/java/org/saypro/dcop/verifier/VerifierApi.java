package org.saypro.dcop.verifier;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Names the OpenAPI document generated from this module's controllers at compile time. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "dcop-verifier",
            version = "1",
            description = "DCoP Credentials verification API: VC API verify endpoint. No account needed."))
final class VerifierApi {
  private VerifierApi() {}
}
