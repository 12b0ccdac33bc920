package org.saypro.dcop.sharing.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.core.verify.VerificationReport;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.credentials.IssueCredentialService;
import org.saypro.dcop.issuer.delivery.ClaimLinks;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * The learner's own page: the credentials they hold (claimed from an award e-mail), each with its state, counts of
 * page views and verifications, downloads, and who may see its public page. Only the holder sees or changes this.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class MyCredentialsPageController {

  private static final int MAX_LISTED = 100;

  private final Authorizer authorizer;
  private final ClaimLinks holders;
  private final IssueCredentialService credentials;
  private final SharedCredentials shared;
  private final SharingStore sharing;
  private final FormTokens formTokens;
  private final Pages pages;
  private final IssuerSettings settings;

  MyCredentialsPageController(Authorizer authorizer, ClaimLinks holders, IssueCredentialService credentials,
      SharedCredentials shared, SharingStore sharing, FormTokens formTokens, Pages pages, IssuerSettings settings) {
    this.authorizer = authorizer;
    this.holders = holders;
    this.credentials = credentials;
    this.shared = shared;
    this.sharing = sharing;
    this.formTokens = formTokens;
    this.pages = pages;
    this.settings = settings;
  }

  @Get(uri = "/my/credentials", produces = MediaType.TEXT_HTML)
  HttpResponse<?> list(@Nullable Authentication authentication, HttpRequest<?> request) {
    return HttpResponse.ok(page(authorizer.signedIn(authentication), request, ""));
  }

  @Post(uri = "/my/credentials/{uuid}/visibility", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> visibility(@Nullable Authentication authentication, String uuid, @Body Map<String, String> form,
                             HttpRequest<?> request) {
    Caller caller = authorizer.signedIn(authentication);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    UUID credential = parse(uuid);
    if (!holders.holder(credential).map(caller.user().id()::equals).orElse(false)) {
      throw new ProblemException(ProblemType.FORBIDDEN, "only the holder of a credential chooses who sees it");
    }
    Visibility chosen = Visibility.fromLabel(form.getOrDefault("visibility", "")).orElseThrow(() ->
        new ProblemException(ProblemType.INVALID_REQUEST, "choose public, exists-only or hidden"));
    sharing.setVisibility(credential, chosen);
    return HttpResponse.ok(page(caller, request, "Saved: the page of that credential is now " + switch (chosen) {
      case PUBLIC -> "public.";
      case EXISTS_ONLY -> "limited to whether it is valid.";
      case HIDDEN -> "hidden.";
    }));
  }

  private Object page(Caller caller, HttpRequest<?> request, String message) {
    List<Map<String, Object>> rows = holders.heldBy(caller.user().id()).stream().limit(MAX_LISTED)
        .map(held -> credentials.find(held.getKey()).map(stored -> {
          VerificationReport report = shared.verify(stored);
          Map<String, Object> c = report.credential().map(ReportView::credential).orElse(Map.of());
          SharingStore.Sharing counts = sharing.of(stored.uuid());
          Map<String, Object> row = new HashMap<>();
          row.put("uuid", stored.uuid().toString());
          row.put("title", c.getOrDefault("title", "A credential"));
          row.put("issuer", c.getOrDefault("issuerName", ""));
          row.put("issuedAt", ReportView.DAY.format(stored.issuedAt()));
          row.put("state", report.verified() ? "valid" : ReportView.mark(report).map(String::toLowerCase)
              .orElse("not verified"));
          row.put("views", counts.views());
          row.put("verifications", counts.verifications());
          row.put("visibility", counts.visibility().label());
          row.put("page", settings.baseUrl() + "/c/" + stored.uuid());
          return row;
        })).flatMap(Optional::stream).toList();
    return pages.view("sharing/mine", request, Map.of("credentials", rows, "message", message));
  }

  private static UUID parse(String uuid) {
    try {
      return UUID.fromString(uuid);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no credential " + uuid);
    }
  }
}
