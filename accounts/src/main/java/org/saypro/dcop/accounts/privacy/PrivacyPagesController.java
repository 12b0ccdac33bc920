package org.saypro.dcop.accounts.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.sql.Connection;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.accounts.web.SessionCookie;
import org.saypro.dcop.web.ProblemException;

/**
 * {@code /my/privacy}: the member's e-mail consent as checkboxes (unticked until they tick them), the download of
 * everything held about them, and erasure confirmed with the password. Forms only, no JavaScript.
 */
@Controller("/my/privacy")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class PrivacyPagesController {

  private final Authorizer authorizer;
  private final PersonalData personalData;
  private final EmailConsents consents;
  private final PasswordConfirmation confirmation;
  private final FormTokens formTokens;
  private final Pages pages;
  private final SessionCookie sessions;
  private final TransactionOperations<Connection> transactions;

  PrivacyPagesController(Authorizer authorizer, PersonalData personalData, EmailConsents consents,
      PasswordConfirmation confirmation, FormTokens formTokens, Pages pages, SessionCookie sessions,
      TransactionOperations<Connection> transactions) {
    this.authorizer = authorizer;
    this.personalData = personalData;
    this.consents = consents;
    this.confirmation = confirmation;
    this.formTokens = formTokens;
    this.pages = pages;
    this.sessions = sessions;
    this.transactions = transactions;
  }

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> page(@Nullable Authentication authentication, HttpRequest<?> request,
      @Nullable @QueryValue String saved, @Nullable @QueryValue String error) {
    Caller caller = authorizer.signedIn(authentication);
    Set<ConsentPurpose> granted = transactions.executeRead(s -> consents.current(caller.user().id()));
    var purposes = Arrays.stream(ConsentPurpose.values()).map(p -> Map.<String, Object>of("label", p.label(),
        "wording", p.wording(), "granted", granted.contains(p))).toList();
    return HttpResponse.ok(pages.view("privacy", request, Map.of("purposes", purposes, "email", caller.user().email(),
        "saved", saved != null, "wrongPassword", "password".equals(error))));
  }

  @Post(uri = "/consent", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> consent(@Nullable Authentication authentication, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    Map<ConsentPurpose, Boolean> choices = new EnumMap<>(ConsentPurpose.class);
    // an unticked checkbox sends nothing, so every purpose not sent as "yes" is withdrawn
    Arrays.stream(ConsentPurpose.values()).forEach(p -> choices.put(p, "yes".equals(form.get(p.label()))));
    transactions.executeWrite(s -> {
      consents.set(caller.user().id(), choices);
      return null;
    });
    return HttpResponse.seeOther(URI.create("/my/privacy?saved=1"));
  }

  @Get(uri = "/personal-data", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> export(@Nullable Authentication authentication) {
    Caller caller = authorizer.signedIn(authentication);
    return PrivacyController.download(personalData.export(caller, caller.user().id()));
  }

  @Post(uri = "/erasure", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> erase(@Nullable Authentication authentication, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    try {
      confirmation.check(caller, Optional.ofNullable(form.get("password")), "/password");
    } catch (ProblemException e) {
      if (e.problem().status() != 400) {
        // too many wrong passwords: the problem page says how long to wait
        throw e;
      }
      return HttpResponse.seeOther(URI.create("/my/privacy?error=password#erase"));
    }
    personalData.erase(caller, caller.user().id());
    return HttpResponse.ok(pages.view("privacy-erased", request, Map.of("signedIn", false)))
        .cookie(sessions.close());
  }

  private Caller formSender(@Nullable Authentication authentication, Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = authorizer.signedIn(authentication);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    return caller;
  }
}
