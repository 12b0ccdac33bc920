package org.saypro.dcop.issuer.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.issuer.catalogue.Qualification;
import org.saypro.dcop.issuer.catalogue.bulk.BulkFile;
import org.saypro.dcop.issuer.catalogue.bulk.BulkIssuance;
import org.saypro.dcop.issuer.catalogue.bulk.BulkReport;
import org.saypro.dcop.issuer.catalogue.bulk.RowOutcome;
import org.saypro.dcop.issuer.config.IssuerSettings;

/**
 * Bulk upload in the console: the same file rules and issuance as the API ({@code BulkFile}, {@code BulkIssuance}),
 * with the row report as a page. A file with errors issues nothing unless the officer chose "issue the valid rows".
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class BulkConsoleController {

  /** Issued rows listed one by one on the report; the rest are counted. */
  private static final int LISTED_AWARDS = 200;
  private static final List<String> MODES = List.of("validate", "issue", "issue-valid");

  private final ConsoleOrganisation access;
  private final BulkIssuance issuance;
  private final FormTokens formTokens;
  private final Pages pages;
  private final IssuerSettings settings;

  BulkConsoleController(ConsoleOrganisation access, BulkIssuance issuance, FormTokens formTokens, Pages pages,
      IssuerSettings settings) {
    this.access = access;
    this.issuance = issuance;
    this.formTokens = formTokens;
    this.pages = pages;
    this.settings = settings;
  }

  @Get(uri = "/console/{slug}/qualifications/{code}/bulk", produces = MediaType.TEXT_HTML)
  HttpResponse<?> form(@Nullable Authentication authentication, String slug, String code, HttpRequest<?> request) {
    ConsoleOrganisation.Officer officer = access.officer(authentication, slug);
    Qualification qualification = access.qualification(officer.organisation(), code);
    return HttpResponse.ok(page(request, officer, qualification, Optional.empty(), ""));
  }

  @Post(uri = "/console/{slug}/qualifications/{code}/bulk", consumes = MediaType.MULTIPART_FORM_DATA,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> upload(@Nullable Authentication authentication, String slug, String code,
                         @Nullable @Part("file") CompletedFileUpload file, @Nullable @Part("mode") String mode,
                         @Nullable @Part("csrf") String csrf, HttpRequest<?> request) {
    ConsoleOrganisation.Officer officer = access.officer(authentication, slug);
    formTokens.check(request, Optional.ofNullable(csrf));
    Qualification qualification = access.qualification(officer.organisation(), code);
    ConsoleOrganisation.requireIssuer(officer.organisation());
    if (file == null || file.getSize() == 0 || mode == null || !MODES.contains(mode)) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(request, officer, qualification, Optional.empty(),
          file == null || file.getSize() == 0 ? "Choose a CSV file to upload." : "Choose what to do with the file."));
    }
    BulkFile parsed = BulkFile.read(bytes(file));
    boolean issue = mode.equals("issue-valid") || (mode.equals("issue") && !parsed.hasErrors());
    List<RowOutcome> outcomes = issue
        ? issuance.award(officer.organisation(), qualification, parsed.rows(), officer.caller().actor()) : List.of();
    BulkReport report = new BulkReport(parsed.dataRows(), parsed.rows().size(), parsed.errors(), outcomes);
    HttpStatus status = parsed.hasErrors() && mode.equals("issue") ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
    return HttpResponse.status(status).body(page(request, officer, qualification,
        Optional.of(reportModel(report, mode, issue)), ""));
  }

  private Object page(HttpRequest<?> request, ConsoleOrganisation.Officer officer, Qualification qualification,
                      Optional<Map<String, Object>> report, String error) {
    Map<String, Object> values = new HashMap<>();
    values.put("org", officer.model());
    values.put("qualification", ConsoleOrganisation.qualificationModel(qualification));
    values.put("hasReport", report.isPresent());
    values.put("report", report.orElse(Map.of()));
    values.put("error", error);
    return pages.view("console/bulk", request, values);
  }

  private Map<String, Object> reportModel(BulkReport report, String mode, boolean issued) {
    List<Map<String, Object>> awarded = report.outcomes().stream()
        .filter(o -> o instanceof RowOutcome.Awarded).limit(LISTED_AWARDS).map(o -> (RowOutcome.Awarded) o)
        .map(a -> Map.<String, Object>of("line", a.line(), "replayed", a.replayed(),
            "url", settings.baseUrl() + "/credentials/" + a.credential())).toList();
    List<Map<String, Object>> failed = report.outcomes().stream().filter(o -> o instanceof RowOutcome.Failed)
        .map(o -> (RowOutcome.Failed) o).map(f -> Map.<String, Object>of("line", f.line(), "reason", f.reason()))
        .toList();
    Map<String, Object> model = new HashMap<>();
    model.put("mode", mode);
    model.put("issuedAnything", issued);
    model.put("rows", report.dataRows());
    model.put("validRows", report.validRows());
    model.put("issued", report.issued());
    model.put("alreadyIssued", report.alreadyIssued());
    model.put("failedCount", report.failed());
    model.put("errors", report.errors().stream().map(e -> Map.<String, Object>of("line", e.line(),
        "column", e.column(), "reason", e.reason())).toList());
    model.put("failed", failed);
    model.put("awarded", awarded);
    model.put("unlisted", Math.max(0, report.issued() + report.alreadyIssued() - awarded.size()));
    return model;
  }

  private static byte[] bytes(CompletedFileUpload file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("the upload could not be read", e);
    }
  }
}
