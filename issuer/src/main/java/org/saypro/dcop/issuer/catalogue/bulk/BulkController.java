package org.saypro.dcop.issuer.catalogue.bulk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.issuer.catalogue.Catalogue;
import org.saypro.dcop.issuer.catalogue.Qualification;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Bulk awards from a CSV file. The whole file is checked before anything is issued; with errors, nothing is issued
 * unless the officer asks for the valid rows ({@code mode=issue-valid}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Catalogue")
class BulkController {

  static final String CSV = "text/csv";

  private final Catalogue catalogue;
  private final BulkIssuance issuance;
  private final IssuerSettings settings;
  private final Authorizer authorizer;

  BulkController(Catalogue catalogue, BulkIssuance issuance, IssuerSettings settings, Authorizer authorizer) {
    this.catalogue = catalogue;
    this.issuance = issuance;
    this.settings = settings;
    this.authorizer = authorizer;
  }

  @Post(uri = "/organisations/{slug}/qualifications/{code}/bulk", consumes = {CSV, MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Award a qualification to every learner in a CSV file",
      description = "Header row, then one learner per row: did or email, optional name and valid_from. mode=validate"
          + " checks only; mode=issue (default) issues when the whole file is valid, else answers 400 with every bad"
          + " row and issues nothing; mode=issue-valid issues the valid rows and reports the others. Each row is"
          + " idempotent: the same file again, or a run resumed after an interruption, issues nothing twice.")
  HttpResponse<String> bulk(@Nullable Authentication authentication, String slug, String code,
                            @Nullable @QueryValue String mode, @Body byte[] body) {
    authorizer.signedIn(authentication);
    String chosen = mode == null ? "issue" : mode;
    if (!List.of("validate", "issue", "issue-valid").contains(chosen)) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "mode is validate, issue or issue-valid",
          List.of(new FieldError("?mode", "must be validate, issue or issue-valid")));
    }
    Organisation organisation = catalogue.organisation(slug)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no organisation " + slug));
    Qualification qualification = catalogue.find(organisation, code)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, organisation.name() + " has no qualification "
            + code));
    Caller caller = authorizer.officerOf(authentication, organisation);
    if (organisation.issuerDid().isEmpty()) {
      throw new ProblemException(ProblemType.NOT_AN_ISSUER, organisation.name() + " does not issue credentials here");
    }
    BulkFile file = BulkFile.read(body);
    if (chosen.equals("issue") && file.hasErrors()) {
      throw new ProblemException(ProblemType.INVALID_BULK_FILE,
          file.errors().size() + " problem(s) in the file; nothing was issued. Fix them, or ask for mode=issue-valid",
          file.errors().stream().map(BulkController::fieldError).toList());
    }
    List<RowOutcome> outcomes =
        chosen.equals("validate") ? List.of() : issuance.award(organisation, qualification, file.rows(), caller.actor());
    BulkReport report = new BulkReport(file.dataRows(), file.rows().size(), file.errors(), outcomes);
    return HttpResponse.ok(Json.writeString(json(report)));
  }

  private ObjectNode json(BulkReport report) {
    ObjectNode json = Json.newObject();
    json.put("rows", report.dataRows()).put("validRows", report.validRows());
    json.put("issued", report.issued()).put("alreadyIssued", report.alreadyIssued()).put("failed", report.failed());
    ArrayNode errors = json.putArray("errors");
    report.errors().forEach(e -> errors.addObject().put("line", e.line()).put("column", e.column())
        .put("reason", e.reason()));
    ArrayNode results = json.putArray("results");
    for (RowOutcome outcome : report.outcomes()) {
      ObjectNode row = results.addObject().put("line", outcome.line());
      if (outcome instanceof RowOutcome.Awarded awarded) {
        row.put("credential", settings.baseUrl() + "/credentials/" + awarded.credential());
        row.put("replayed", awarded.replayed());
      } else {
        row.put("error", ((RowOutcome.Failed) outcome).reason());
      }
    }
    return json;
  }

  private static FieldError fieldError(RowError error) {
    String pointer = "/line/" + error.line() + (error.column().isEmpty() ? "" : "/" + error.column());
    return new FieldError(pointer, error.reason());
  }
}
