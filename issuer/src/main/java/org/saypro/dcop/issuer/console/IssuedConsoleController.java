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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.credentials.IssuedCredentials;
import org.saypro.dcop.issuer.credentials.IssuedSummary;
import org.saypro.dcop.issuer.status.ChangeCredentialStatus;
import org.saypro.dcop.issuer.status.StatusAction;
import org.saypro.dcop.issuer.status.StatusChangeResult;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** What an organisation issued, searchable, with revoke, suspend and reinstate. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class IssuedConsoleController {

  private static final int PAGE = 50;
  private static final int MAX_REASON = 1000;
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final ConsoleOrganisation access;
  private final Authorizer authorizer;
  private final IssuedCredentials issued;
  private final ChangeCredentialStatus status;
  private final FormTokens formTokens;
  private final Pages pages;
  private final IssuerSettings settings;

  IssuedConsoleController(ConsoleOrganisation access, Authorizer authorizer, IssuedCredentials issued,
      ChangeCredentialStatus status, FormTokens formTokens, Pages pages, IssuerSettings settings) {
    this.access = access;
    this.authorizer = authorizer;
    this.issued = issued;
    this.status = status;
    this.formTokens = formTokens;
    this.pages = pages;
    this.settings = settings;
  }

  @Get(uri = "/console/{slug}/credentials", produces = MediaType.TEXT_HTML)
  HttpResponse<?> list(@Nullable Authentication authentication, String slug, @Nullable @QueryValue String q,
                       @Nullable @QueryValue Integer page, HttpRequest<?> request) {
    ConsoleOrganisation.Officer officer = access.officer(authentication, slug);
    ConsoleOrganisation.requireIssuer(officer.organisation());
    int number = page == null || page < 1 ? 1 : Math.min(page, 10_000);
    String term = q == null ? "" : q.strip();
    // one more than a page, to know whether there is a next one
    List<IssuedSummary> found = issued.search(officer.organisation().issuerDid().get(),
        Optional.of(term), PAGE + 1, (number - 1) * PAGE);
    Map<String, Object> values = new HashMap<>();
    values.put("org", officer.model());
    values.put("q", term);
    values.put("page", number);
    values.put("hasNext", found.size() > PAGE);
    values.put("credentials", found.stream().limit(PAGE).map(this::row).toList());
    return HttpResponse.ok(pages.view("console/credentials", request, values));
  }

  @Post(uri = "/console/{slug}/credentials/{uuid}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> change(@Nullable Authentication authentication, String slug, String uuid,
                         @Body Map<String, String> form, HttpRequest<?> request) {
    ConsoleOrganisation.Officer officer = access.officer(authentication, slug);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    UUID credential = parse(uuid);
    String issuer = status.issuerOf(credential).filter(i -> officer.organisation().issuerDid().orElse("").equals(i))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
            officer.organisation().name() + " issued no credential " + uuid));
    // the same decision as the API's status endpoints, on the credential's own issuer
    Caller caller = authorizer.officerForIssuer(authentication, Optional.of(issuer));
    Optional<StatusAction> action = StatusAction.fromLabel(form.getOrDefault("action", ""));
    String reason = form.getOrDefault("reason", "").strip();
    if (action.isEmpty() || reason.isEmpty() || reason.length() > MAX_REASON) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST).body(result(request, officer, uuid, false,
          action.isEmpty() ? "Choose revoke, suspend or reinstate."
              : "Give a reason of 1 to " + MAX_REASON + " characters: it is kept in the audit log."));
    }
    StatusChangeResult outcome = status.change(credential, action.get(), caller.actor(), reason);
    if (outcome instanceof StatusChangeResult.Changed changed) {
      return HttpResponse.ok(result(request, officer, uuid, true,
          "The credential is now " + changed.status().state() + ". Verifiers see it at their next status check."));
    }
    return HttpResponse.status(HttpStatus.CONFLICT).body(result(request, officer, uuid, false, refusal(outcome)));
  }

  private Object result(HttpRequest<?> request, ConsoleOrganisation.Officer officer, String uuid, boolean changed,
                        String message) {
    return pages.view("console/status-changed", request, Map.of("org", officer.model(), "uuid", uuid,
        "changed", changed, "message", message, "url", settings.baseUrl() + "/credentials/" + uuid));
  }

  private static String refusal(StatusChangeResult outcome) {
    if (outcome instanceof StatusChangeResult.AlreadySo already) {
      return "Nothing changed: the credential is already " + already.status().state() + ".";
    }
    if (outcome instanceof StatusChangeResult.RevocationIsFinal) {
      return "Nothing changed: the credential is revoked, and revocation is final.";
    }
    if (outcome instanceof StatusChangeResult.NoStatusEntry missing) {
      return "Nothing changed: this credential carries no " + missing.purpose().label() + " entry (Open Badges"
          + " credentials can be revoked but not suspended).";
    }
    return "Nothing changed: no such credential.";
  }

  private Map<String, Object> row(IssuedSummary summary) {
    return Map.of("uuid", summary.uuid().toString(), "issuedAt", WHEN.format(summary.issuedAt()),
        "qualification", summary.qualificationTitle().orElse("(issued through the API)"),
        "code", summary.qualificationCode().orElse(""), "learner", summary.learner().orElse("(not named)"),
        "state", summary.state(), "hasStatus", summary.hasStatus(), "revoked", summary.revoked(),
        "suspended", summary.suspended(), "url", settings.baseUrl() + "/credentials/" + summary.uuid());
  }

  private static UUID parse(String uuid) {
    try {
      return UUID.fromString(uuid);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no credential " + uuid);
    }
  }
}
