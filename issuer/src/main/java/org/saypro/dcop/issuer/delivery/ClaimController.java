package org.saypro.dcop.issuer.delivery;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Opens a credential from the link in a learner's email. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Issuing")
class ClaimController {

  private final ClaimLinks claims;
  private final IssuerSettings settings;

  ClaimController(ClaimLinks claims, IssuerSettings settings) {
    this.claims = claims;
    this.settings = settings;
  }

  @Get("/claim/{token}")
  @Operation(summary = "Open the credential a claim link points at (records the first claim)")
  HttpResponse<?> claim(String token) {
    return claims.claim(token)
        .map(uuid -> HttpResponse.seeOther(URI.create(settings.baseUrl() + "/credentials/" + uuid)))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "this link is unknown or has expired"));
  }
}
