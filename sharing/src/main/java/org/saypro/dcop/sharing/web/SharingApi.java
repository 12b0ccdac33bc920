package org.saypro.dcop.sharing.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Names the OpenAPI document generated from this module's controllers at compile time. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "dcop-sharing",
            version = "1",
            description = "DCoP Credentials sharing: a credential's public page, QR codes, PDF certificate, baked"
                + " badges, and the verification page. No account needed."))
final class SharingApi {
  private SharingApi() {}
}
