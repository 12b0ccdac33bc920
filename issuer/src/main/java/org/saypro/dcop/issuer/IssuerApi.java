package org.saypro.dcop.issuer;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Names the OpenAPI document generated from this module's controllers at compile time. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "dcop-issuer",
            version = "1",
            description = "DCoP Credentials issuing API: VC API issue endpoint, issued credentials, issuer DID document."))
final class IssuerApi {
  private IssuerApi() {}
}
