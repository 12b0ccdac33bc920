package org.saypro.dcop.issuer.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.issuer.catalogue.AwardQualification;
import org.saypro.dcop.issuer.catalogue.Catalogue;
import org.saypro.dcop.issuer.catalogue.Qualification;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.credentials.IssueResult;

/** An organisation's catalogue in the console, and awarding one qualification to one learner. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class CatalogueConsoleController {

  private final ConsoleOrganisation access;
  private final Catalogue catalogue;
  private final AwardQualification awards;
  private final FormTokens formTokens;
  private final Pages pages;
  private final IssuerSettings settings;

  CatalogueConsoleController(ConsoleOrganisation access, Catalogue catalogue, AwardQualification awards,
      FormTokens formTokens, Pages pages, IssuerSettings settings) {
    this.access = access;
    this.catalogue = catalogue;
    this.awards = awards;
    this.formTokens = formTokens;
    this.pages = pages;
    this.settings = settings;
  }

  @Get(uri = "/console/{slug}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> catalogue(@Nullable Authentication authentication, String slug, HttpRequest<?> request) {
    ConsoleOrganisation.Officer officer = access.officer(authentication, slug);
    return HttpResponse.ok(pages.view("console/catalogue", request, Map.of("org", officer.model(),
        "qualifications", catalogue.list(officer.organisation()).stream()
            .map(ConsoleOrganisation::qualificationModel).toList())));
  }

  @Get(uri = "/console/{slug}/qualifications/{code}/award", produces = MediaType.TEXT_HTML)
  HttpResponse<?> form(@Nullable Authentication authentication, String slug, String code, HttpRequest<?> request) {
    ConsoleOrganisation.Officer officer = access.officer(authentication, slug);
    Qualification qualification = access.qualification(officer.organisation(), code);
    return HttpResponse.ok(page(request, officer, qualification, Map.of(), Map.of()));
  }

  @Post(uri = "/console/{slug}/qualifications/{code}/award", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> award(@Nullable Authentication authentication, String slug, String code,
                        @Body Map<String, String> form, HttpRequest<?> request) {
    ConsoleOrganisation.Officer officer = access.officer(authentication, slug);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    Qualification qualification = access.qualification(officer.organisation(), code);
    ConsoleOrganisation.requireIssuer(officer.organisation());
    Map<String, String> errors = new LinkedHashMap<>();
    String learner = form.getOrDefault("learner", "").strip();
    String name = form.getOrDefault("name", "").strip();
    Optional<Recipient> recipient = recipient(learner, name, errors);
    Optional<Instant> validFrom = validFrom(form.getOrDefault("valid_from", "").strip(), errors);
    if (!errors.isEmpty()) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST)
          .body(page(request, officer, qualification, form, errors));
    }
    IssueResult result = awards.award(officer.organisation(), qualification, recipient.get(), validFrom,
        officer.caller().actor());
    if (!(result instanceof IssueResult.Issued issued)) {
      errors.put("learner", refusal(result));
      return HttpResponse.status(HttpStatus.CONFLICT).body(page(request, officer, qualification, form, errors));
    }
    return HttpResponse.ok(pages.view("console/awarded", request, Map.of("org", officer.model(),
        "qualification", ConsoleOrganisation.qualificationModel(qualification), "learner", learner,
        "replayed", issued.replayed(), "uuid", issued.credential().uuid().toString(),
        "url", settings.baseUrl() + "/credentials/" + issued.credential().uuid())));
  }

  private Object page(HttpRequest<?> request, ConsoleOrganisation.Officer officer, Qualification qualification,
                      Map<String, String> form, Map<String, String> errors) {
    Map<String, Object> values = new HashMap<>();
    values.put("org", officer.model());
    values.put("qualification", ConsoleOrganisation.qualificationModel(qualification));
    values.put("learner", form.getOrDefault("learner", ""));
    values.put("name", form.getOrDefault("name", ""));
    values.put("validFrom", form.getOrDefault("valid_from", ""));
    values.put("errors", errors);
    return pages.view("console/award", request, values);
  }

  private static Optional<Recipient> recipient(String learner, String name, Map<String, String> errors) {
    if (learner.isEmpty()) {
      errors.put("learner", "Enter the learner's e-mail address or DID.");
      return Optional.empty();
    }
    try {
      Optional<String> named = name.isEmpty() ? Optional.empty() : Optional.of(name);
      return Optional.of(learner.startsWith("did:") ? new Recipient.ByDid(learner, named)
          : new Recipient.ByEmail(learner, named));
    } catch (IllegalArgumentException e) {
      errors.put(e.getMessage().contains("name") ? "name" : "learner", e.getMessage());
      return Optional.empty();
    }
  }

  private static String refusal(IssueResult result) {
    if (result instanceof IssueResult.IdempotencyKeyReused) {
      return "This learner already holds this qualification, awarded with another name or date; that award stands.";
    }
    if (result instanceof IssueResult.Invalid invalid) {
      return "The credential would not be valid: " + invalid.errors().stream()
          .map(e -> e.pointer() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }
    return "The credential could not be issued (" + result.getClass().getSimpleName() + ").";
  }

  private static Optional<Instant> validFrom(String text, Map<String, String> errors) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      errors.put("valid_from", "Enter a date as 2026-11-23, or leave it empty for today.");
      return Optional.empty();
    }
  }
}
