package org.saypro.dcop.community.pages;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.webinars.RegistrationOutcome;
import org.saypro.dcop.community.webinars.Registrations;
import org.saypro.dcop.community.webinars.Webinar;
import org.saypro.dcop.community.webinars.Webinars;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The webinar calendar: upcoming sessions with a register or cancel form each. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class WebinarPagesController {

  private static final Map<String, String> NOTICES = Map.of(
      "registered", "You have a seat.",
      "waiting", "The session is full: you are on the waiting list and will get a seat if one is freed.",
      "cancelled", "Your registration is cancelled.",
      "closed", "That session is over: registration has closed.");

  private final Webinars webinars;
  private final Registrations registrations;
  private final CommunityAccess access;
  private final FormTokens formTokens;
  private final Pages pages;

  WebinarPagesController(Webinars webinars, Registrations registrations, CommunityAccess access,
      FormTokens formTokens, Pages pages) {
    this.webinars = webinars;
    this.registrations = registrations;
    this.access = access;
    this.formTokens = formTokens;
    this.pages = pages;
  }

  @Get(uri = "/webinars", produces = MediaType.TEXT_HTML)
  HttpResponse<?> calendar(@Nullable Authentication authentication, @Nullable @QueryValue String done,
      HttpRequest<?> request) {
    Optional<Caller> caller = Optional.ofNullable(authentication).map(access::signedIn);
    List<Map<String, Object>> sessions = webinars.upcoming(Optional.empty()).stream().map(w -> {
      Map<String, Object> model = PageModels.webinar(w);
      model.put("registered", registrations.count(w.id(), "registered"));
      model.put("waiting", registrations.count(w.id(), "waiting"));
      model.put("mine", caller.flatMap(c -> registrations.status(w.id(), c.user().id())).orElse(""));
      return model;
    }).toList();
    Map<String, Object> values = new HashMap<>();
    values.put("sessions", sessions);
    values.put("notice", NOTICES.getOrDefault(done == null ? "" : done, ""));
    return HttpResponse.ok(pages.view("community/webinars", request, values));
  }

  @Post(uri = "/webinars/{id}/registration", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> registration(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    Webinar webinar = webinars.require(uuid(id));
    String done;
    if ("cancel".equals(form.get("action"))) {
      registrations.cancel(webinar.id(), caller.user().id());
      done = "cancelled";
    } else {
      RegistrationOutcome outcome = registrations.register(webinar.id(), caller.user().id());
      done = outcome instanceof RegistrationOutcome.Registered ? "registered"
          : outcome instanceof RegistrationOutcome.Waiting ? "waiting" : "closed";
    }
    return HttpResponse.status(HttpStatus.SEE_OTHER).header("Location", "/webinars?done=" + done + "#w-" + id);
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no webinar has the id " + id);
    }
  }
}
