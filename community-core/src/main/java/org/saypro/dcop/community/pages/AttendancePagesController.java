package org.saypro.dcop.community.pages;

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
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.webinars.Attendance;
import org.saypro.dcop.community.webinars.AttendanceReport;
import org.saypro.dcop.community.webinars.ImportOutcome;
import org.saypro.dcop.community.webinars.Webinar;
import org.saypro.dcop.community.webinars.Webinars;

/** The coordinators' attendance page: who attended, and a meeting report's upload with its row report. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class AttendancePagesController {

  private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private final Webinars webinars;
  private final Attendance attendance;
  private final CommunityAccess access;
  private final FormTokens formTokens;
  private final Pages pages;

  AttendancePagesController(Webinars webinars, Attendance attendance, CommunityAccess access, FormTokens formTokens,
      Pages pages) {
    this.webinars = webinars;
    this.attendance = attendance;
    this.access = access;
    this.formTokens = formTokens;
    this.pages = pages;
  }

  @Get(uri = "/webinars/{id}/attendance", produces = MediaType.TEXT_HTML)
  HttpResponse<?> form(@Nullable Authentication authentication, String id, HttpRequest<?> request) {
    access.signedIn(authentication);
    Webinar webinar = webinars.require(WebinarPagesController.uuid(id));
    access.coordinator(authentication, webinar.groupSlug());
    return HttpResponse.ok(page(request, webinar, Optional.empty(), "", 30));
  }

  @Post(uri = "/webinars/{id}/attendance", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  HttpResponse<?> upload(@Nullable Authentication authentication, String id,
      @Nullable @Part("file") CompletedFileUpload file, @Nullable @Part("minimumMinutes") String minimumMinutes,
      @Nullable @Part("csrf") String csrf, HttpRequest<?> request) {
    access.signedIn(authentication);
    Webinar webinar = webinars.require(WebinarPagesController.uuid(id));
    Caller caller = access.coordinator(authentication, webinar.groupSlug());
    formTokens.check(request, Optional.ofNullable(csrf));
    Optional<Integer> minimum = minutes(minimumMinutes);
    if (minimum.isEmpty()) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(request, webinar, Optional.empty(),
          "The minimum time must be a whole number of minutes from 0 to " + Attendance.MAX_MINIMUM_MINUTES + ".",
          30));
    }
    if (file == null || file.getSize() == 0 || file.getSize() > MAX_FILE_BYTES) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(request, webinar, Optional.empty(),
          "Choose the meeting's attendance report, a CSV file of at most 4 MB.", minimum.get()));
    }
    AttendanceReport report = AttendanceReport.read(bytes(file), webinar.zone());
    ImportOutcome outcome = attendance.importReport(webinar, report, minimum.get(), caller.user().id());
    return HttpResponse.ok(page(request, webinar, Optional.of(outcome), "", minimum.get()));
  }

  private Object page(HttpRequest<?> request, Webinar webinar, Optional<ImportOutcome> outcome, String error,
      int minimum) {
    Map<String, Object> values = new HashMap<>();
    values.put("webinar", PageModels.webinar(webinar));
    values.put("error", error);
    values.put("minimum", minimum);
    values.put("hasReport", outcome.isPresent());
    values.put("report", outcome.map(AttendancePagesController::report).orElse(Map.of()));
    values.put("attendees", attendance.list(webinar.id()).stream().map(a -> Map.<String, Object>of("name",
        a.displayName(), "minutes", a.minutes() == null ? "" : a.minutes(), "source", a.source())).toList());
    return pages.view("community/attendance", request, values);
  }

  private static Map<String, Object> report(ImportOutcome o) {
    return Map.of("rows", o.dataRows(), "attended", people(o.attended()), "already", people(o.alreadyAttended()),
        "below", people(o.belowThreshold()), "errors", o.errors().stream().map(e -> Map.<String, Object>of("line",
            e.line(), "column", e.column(), "reason", e.reason())).toList());
  }

  private static List<Map<String, Object>> people(List<AttendanceReport.Person> people) {
    return people.stream().map(p -> Map.<String, Object>of("email", p.email(), "minutes", p.minutes())).toList();
  }

  private static Optional<Integer> minutes(String text) {
    try {
      int value = Integer.parseInt(text == null ? "30" : text.strip());
      return value >= 0 && value <= Attendance.MAX_MINIMUM_MINUTES ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static byte[] bytes(CompletedFileUpload file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("the upload could not be read", e);
    }
  }
}
