package org.saypro.dcop.accounts;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Names the OpenAPI document generated from this module's controllers at compile time. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "dcop-accounts",
            version = "1",
            description = "DCoP Credentials accounts API: organisations, users, roles, sign-in and the audit log."))
final class AccountsApi {
  private AccountsApi() {}
}
