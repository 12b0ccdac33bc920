package org.saypro.dcop.issuer.organisations;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The public issuer profile: who stands behind an issuer DID. No sign-in: it is what verifiers and learners read. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Organisations")
class IssuerProfileController {

  private final OrganisationIssuing issuing;
  private final IssuerSettings settings;

  IssuerProfileController(OrganisationIssuing issuing, IssuerSettings settings) {
    this.issuing = issuing;
    this.settings = settings;
  }

  @Get(uri = "/issuers/{slug}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  @Operation(
      summary = "An organisation's issuer profile",
      description = "Name, kind, description, website, DID and a summary of its keys; as HTML when the client asks"
          + " for text/html, as JSON otherwise.")
  HttpResponse<String> profile(String slug, HttpRequest<?> request) {
    IssuerProfile profile = issuing.profile(slug)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no organisation " + slug));
    if (wantsHtml(request)) {
      return HttpResponse.ok(IssuerProfileHtml.of(profile, settings.baseUrl()))
          .contentType(MediaType.TEXT_HTML + ";charset=utf-8").header("Vary", "Accept")
          // the page carries no script: forbid any that an escaping slip might let in
          .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    }
    return HttpResponse.ok(Json.writeString(IssuerProfileJson.of(profile, settings.baseUrl())))
        .contentType(MediaType.APPLICATION_JSON_TYPE).header("Vary", "Accept");
  }

  /** HTML when the client lists text/html before any JSON type, as browsers do. */
  private static boolean wantsHtml(HttpRequest<?> request) {
    String accept = request.getHeaders().get("Accept");
    if (accept == null) {
      return false;
    }
    int html = accept.indexOf("text/html");
    int json = accept.indexOf("json");
    return html >= 0 && (json < 0 || html < json);
  }
}
