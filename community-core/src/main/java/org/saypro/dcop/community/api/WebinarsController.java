package org.saypro.dcop.community.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.groups.Groups;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.community.webinars.Attendance;
import org.saypro.dcop.community.webinars.AttendanceReport;
import org.saypro.dcop.community.webinars.CalendarFeed;
import org.saypro.dcop.community.webinars.CalendarKeys;
import org.saypro.dcop.community.webinars.RegistrationOutcome;
import org.saypro.dcop.community.webinars.Registrations;
import org.saypro.dcop.community.webinars.Webinar;
import org.saypro.dcop.community.webinars.Webinars;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Webinars and workshops: scheduling, registration, attendance and calendar feeds. */
@Controller("/community")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Community")
class WebinarsController {

  /** An attendance report of a few thousand rows is well under this. */
  static final int MAX_REPORT_BYTES = 4 * 1024 * 1024;

  private final Webinars webinars;
  private final Registrations registrations;
  private final Attendance attendance;
  private final CalendarFeed calendars;
  private final CalendarKeys calendarKeys;
  private final Groups groups;
  private final CommunityAccess access;

  WebinarsController(Webinars webinars, Registrations registrations, Attendance attendance, CalendarFeed calendars,
      CalendarKeys calendarKeys, Groups groups, CommunityAccess access) {
    this.webinars = webinars;
    this.registrations = registrations;
    this.attendance = attendance;
    this.calendars = calendars;
    this.calendarKeys = calendarKeys;
    this.groups = groups;
    this.access = access;
  }

  @Post(uri = "/groups/{slug}/webinars", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Schedule a webinar or workshop for the group (its coordinators)",
      description = "{\"kind\": webinar | workshop, \"title\", \"description\", \"start\", \"end\" (instants such as"
          + " 2026-11-23T08:00:00Z), \"timeZone\" (IANA, e.g. Africa/Johannesburg), \"capacity\", \"joinUrl\"}")
  HttpResponse<String> schedule(@Nullable Authentication authentication, String slug, @Body byte[] body) {
    access.signedIn(authentication);
    groups.require(slug);
    Caller caller = access.coordinator(authentication, slug);
    Webinar webinar = WebinarRequests.schedule(CommunityJson.body(body), slug);
    webinars.schedule(webinar, caller.user().id());
    return CommunityJson.created("/community/webinars/" + webinar.id(), CommunityJson.webinar(webinar));
  }

  @Get(uri = "/webinars", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Upcoming webinars, soonest first; ?group=slug for one group's")
  HttpResponse<String> upcoming(@Nullable @QueryValue String group) {
    Optional<String> of = Optional.ofNullable(group);
    of.ifPresent(groups::require);
    ArrayNode list = Json.mapper().createArrayNode();
    webinars.upcoming(of).forEach(w -> list.add(withCounts(w)));
    return CommunityJson.ok(Json.newObject().set("webinars", list));
  }

  @Get(uri = "/webinars/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "One webinar with its seat, waiting and attendance counts")
  HttpResponse<String> one(String id) {
    return CommunityJson.ok(withCounts(webinar(id)));
  }

  @Put(uri = "/webinars/{id}/recording", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Add the recording's link after the session (coordinators)",
      description = "{\"recordingUrl\": https URL}")
  HttpResponse<String> recording(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Webinar webinar = coordinating(authentication, id).webinar();
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<URI> url = fields.httpsUrl("recordingUrl", true);
    fields.done("the recording");
    webinars.setRecording(webinar.id(), url.get());
    return CommunityJson.ok(withCounts(webinars.require(webinar.id())));
  }

  @Post(uri = "/webinars/{id}/registrations", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Register yourself: a seat if one is free, else a place on the waiting list (201; 200 if"
      + " already registered; 409 when the session is over)")
  HttpResponse<String> register(@Nullable Authentication authentication, String id) {
    Caller caller = access.signedIn(authentication);
    Webinar webinar = webinar(id);
    RegistrationOutcome outcome = registrations.register(webinar.id(), caller.user().id());
    ObjectNode json = Json.newObject().put("webinarId", webinar.id().toString()).put("userId", caller.actor());
    String location = "/community/webinars/" + webinar.id() + "/registrations/me";
    if (outcome instanceof RegistrationOutcome.Registered r) {
      json.put("status", "registered");
      return r.already() ? CommunityJson.ok(json) : CommunityJson.created(location, json);
    }
    if (outcome instanceof RegistrationOutcome.Waiting w) {
      json.put("status", "waiting").put("place", w.place());
      return w.already() ? CommunityJson.ok(json) : CommunityJson.created(location, json);
    }
    throw new ProblemException(ProblemType.REGISTRATION_CLOSED, "the session is over: registration has closed");
  }

  @Delete(uri = "/webinars/{id}/registrations/me")
  @Operation(summary = "Cancel your seat or waiting place (204); a freed seat goes to the first on the waiting list")
  HttpResponse<Void> cancel(@Nullable Authentication authentication, String id) {
    Caller caller = access.signedIn(authentication);
    registrations.cancel(webinar(id).id(), caller.user().id());
    return HttpResponse.noContent();
  }

  @Get(uri = "/webinars/{id}/registrations", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Who holds a seat and who waits, in order (coordinators)")
  HttpResponse<String> registrationList(@Nullable Authentication authentication, String id) {
    Webinar webinar = coordinating(authentication, id).webinar();
    ArrayNode list = Json.mapper().createArrayNode();
    registrations.list(webinar.id()).forEach(e -> list.addObject().put("userId", e.userId().toString())
        .put("displayName", e.displayName()).put("email", e.email()).put("status", e.status())
        .put("registeredAt", e.registeredAt().toString()));
    return CommunityJson.ok(Json.newObject().set("registrations", list));
  }

  @Post(uri = "/webinars/{id}/attendance", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Check a registered member in as attended (coordinators); 201, or 200 if already attended",
      description = "{\"userId\"}")
  HttpResponse<String> checkIn(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Coordinating coordinating = coordinating(authentication, id);
    Webinar webinar = coordinating.webinar();
    Caller caller = coordinating.caller();
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<UUID> user = fields.text("userId", 36, true).flatMap(t -> {
      try {
        return Optional.of(UUID.fromString(t));
      } catch (IllegalArgumentException e) {
        fields.error("userId", "must be a user id (a UUID)");
        return Optional.empty();
      }
    });
    fields.done("the check-in");
    if (!registrations.status(webinar.id(), user.get()).filter("registered"::equals).isPresent()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "only registered members can be checked in",
          List.of(new FieldError("/userId", "holds no seat at this session")));
    }
    boolean attended = attendance.checkIn(webinar, user.get(), caller.user().id());
    ObjectNode json = Json.newObject().put("webinarId", webinar.id().toString()).put("userId", user.get().toString())
        .put("attended", true);
    return attended ? CommunityJson.created("/community/webinars/" + webinar.id() + "/attendance", json)
        : CommunityJson.ok(json);
  }

  @Post(uri = "/webinars/{id}/attendance-reports", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM},
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Import a meeting platform's attendance report (CSV: name, email, join, leave) (coordinators)",
      description = "Everyone whose join/leave intervals add up to at least ?minimumMinutes (default 30) attends,"
          + " once. Bad rows and unknown emails are reported by line and column and do not stop the others.")
  HttpResponse<String> importReport(@Nullable Authentication authentication, String id,
      @Nullable @QueryValue Integer minimumMinutes, @Nullable @Body byte[] body) {
    Coordinating coordinating = coordinating(authentication, id);
    Webinar webinar = coordinating.webinar();
    Caller caller = coordinating.caller();
    int minimum = minimumMinutes == null ? 30 : minimumMinutes;
    if (minimum < 0 || minimum > Attendance.MAX_MINIMUM_MINUTES) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the import is not valid", List.of(new FieldError(
          "/minimumMinutes", "must be from 0 to " + Attendance.MAX_MINIMUM_MINUTES)));
    }
    if (body == null || body.length == 0) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "send the report's CSV as the request body");
    }
    if (body.length > MAX_REPORT_BYTES) {
      throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the report is " + body.length
          + " bytes; the limit is " + MAX_REPORT_BYTES);
    }
    AttendanceReport report = AttendanceReport.read(body, webinar.zone());
    return CommunityJson.ok(CommunityJson.importOutcome(
        attendance.importReport(webinar, report, minimum, caller.user().id())));
  }

  @Get(uri = "/webinars/{id}/attendance", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Who attended (coordinators)")
  HttpResponse<String> attendees(@Nullable Authentication authentication, String id) {
    Webinar webinar = coordinating(authentication, id).webinar();
    ArrayNode list = Json.mapper().createArrayNode();
    attendance.list(webinar.id()).forEach(a -> {
      ObjectNode row = list.addObject().put("userId", a.userId().toString()).put("displayName", a.displayName())
          .put("source", a.source());
      if (a.minutes() != null) {
        row.put("minutes", a.minutes());
      }
    });
    return CommunityJson.ok(Json.newObject().put("count", list.size()).set("attendees", list));
  }

  @Get(uri = "/my/calendar", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The link of your own calendar feed (the webinars you registered for); keep it private")
  HttpResponse<String> myCalendar(@Nullable Authentication authentication) {
    Caller caller = access.signedIn(authentication);
    UUID user = caller.user().id();
    return CommunityJson.ok(Json.newObject().put("calendar",
        "/community/members/" + user + "/calendar.ics?key=" + calendarKeys.keyFor(user)));
  }

  @Get(uri = "/members/{userId}/calendar.ics", produces = "text/calendar")
  @Operation(summary = "A member's calendar feed; the key from GET /community/my/calendar stands for sign-in")
  HttpResponse<String> memberCalendar(String userId, @Nullable @QueryValue String key) {
    UUID user = CommunityJson.uuid(userId, "member");
    if (!calendarKeys.valid(user, key)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no calendar at this address");
    }
    return HttpResponse.ok(calendars.ofMember(user)).contentType("text/calendar; charset=utf-8");
  }

  /** A webinar and a caller who coordinates its group; 401 before 404 before 403, as everywhere. */
  private record Coordinating(Webinar webinar, Caller caller) {}

  private Coordinating coordinating(@Nullable Authentication authentication, String id) {
    access.signedIn(authentication);
    Webinar webinar = webinar(id);
    return new Coordinating(webinar, access.coordinator(authentication, webinar.groupSlug()));
  }

  private Webinar webinar(String id) {
    return webinars.require(CommunityJson.uuid(id, "webinar"));
  }

  private ObjectNode withCounts(Webinar w) {
    return CommunityJson.webinar(w).put("registered", registrations.count(w.id(), "registered"))
        .put("waiting", registrations.count(w.id(), "waiting")).put("attended", attendance.count(w.id()));
  }
}
