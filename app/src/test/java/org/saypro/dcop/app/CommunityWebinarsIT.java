package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;
import org.saypro.dcop.community.webinars.WebinarReminders;
import org.saypro.dcop.core.json.Json;

/** Webinars: seats and the waiting list (also under concurrency), calendar feeds, and who may schedule. */
class CommunityWebinarsIT {

  private static final String GROUP = "digital-learning";

  @TempDir static Path dataDir;
  static TestServer server;
  static CommunitySupport community;
  static Member coordinator;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, TestServer.freePort(), CommunitySupport.PROPERTIES);
    community = new CommunitySupport(server);
    coordinator = community.coordinator("Coordinator", GROUP);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void seatsGoFirstComeThenTheWaitingListAndACancellationPromotesTheFirstWaiting() {
    String id = CommunitySupport.schedule(coordinator.api(), GROUP, "Blended learning basics", 2).get("id").asText();
    Member a = community.member("Anele");
    Member b = community.member("Bongani");
    Member c = community.member("Chipo");
    Member d = community.member("Dineo");
    assertEquals("registered", register(a, id).get("status").asText());
    assertEquals("registered", register(b, id).get("status").asText());
    JsonNode waitingC = register(c, id);
    assertEquals("waiting", waitingC.get("status").asText());
    assertEquals(1, waitingC.get("place").asInt());
    assertEquals(2, register(d, id).get("place").asInt());
    // registering again changes nothing
    HttpResponse<String> again = a.api().postJson("/community/webinars/" + id + "/registrations", "");
    assertEquals(200, again.statusCode(), again.body());

    assertEquals(204, a.api().delete("/community/webinars/" + id + "/registrations/me").statusCode());

    JsonNode list = TestServer.json(coordinator.api().get("/community/webinars/" + id + "/registrations",
        "application/json")).get("registrations");
    assertEquals(List.of(b.id() + ":registered", c.id() + ":registered", d.id() + ":waiting"), statuses(list));
    assertEquals(1, register(d, id).get("place").asInt(), "D moved up to first place");
    JsonNode webinar = TestServer.json(server.anonymous().get("/community/webinars/" + id, "application/json"));
    assertEquals(2, webinar.get("registered").asInt());
    assertEquals(1, webinar.get("waiting").asInt());
    // a waiting person's cancellation frees no seat
    assertEquals(204, d.api().delete("/community/webinars/" + id + "/registrations/me").statusCode());
    assertEquals(2, TestServer.json(server.anonymous().get("/community/webinars/" + id, "application/json"))
        .get("registered").asInt());
  }

  @Test
  void twoPeopleAskingForTheLastSeatAtOnceGetOneSeatAndOneWaitingPlace() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String id = CommunitySupport.schedule(coordinator.api(), GROUP, "Last seat " + round, 1).get("id").asText();
        Member x = community.member("X");
        Member y = community.member("Y");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (Member m : List.of(x, y)) {
          answers.add(pool.submit((Callable<JsonNode>) () -> {
            go.await();
            return register(m, id);
          }));
        }
        go.countDown();
        List<String> statuses = new ArrayList<>();
        for (Future<JsonNode> answer : answers) {
          statuses.add(answer.get().get("status").asText());
        }
        statuses.sort(String::compareTo);
        assertEquals(List.of("registered", "waiting"), statuses, "round " + round);
        assertEquals(1, community.count("select count(*) from webinar_registration where status = 'registered'"
            + " and webinar_id = '" + id + "'"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void groupAndMemberCalendarsParseAsICalendarWithUidAndTzid() throws Exception {
    String id = CommunitySupport.schedule(coordinator.api(), GROUP, "Calendar, with; punctuation", 10)
        .get("id").asText();
    Member m = community.member("Calendar reader");
    register(m, id);

    HttpResponse<String> feed = server.anonymous().get("/community/groups/" + GROUP + "/calendar.ics", "text/calendar");
    assertEquals(200, feed.statusCode(), feed.body());
    assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
    Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
    VEvent event = event(calendar, id);
    assertEquals("Calendar, with; punctuation", event.getSummary().getValue());
    assertEquals("Africa/Johannesburg", event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue());
    assertEquals("Africa/Johannesburg", event.getDateTimeEnd().getParameter("TZID").orElseThrow().getValue());
    assertTrue(event.getDateStamp().isPresent(), "DTSTAMP");
    assertTrue(calendar.getComponents("VTIMEZONE").stream().map(c -> (VTimeZone) c)
        .anyMatch(z -> z.getTimeZoneId().getValue().equals("Africa/Johannesburg")), "a VTIMEZONE for the TZID");
    JsonNode webinar = TestServer.json(server.anonymous().get("/community/webinars/" + id, "application/json"));
    assertEquals(Instant.parse(webinar.get("start").asText()),
        Instant.from(event.getDateTimeStart().getDate()), "the same instant as scheduled");

    String link = TestServer.json(m.api().get("/community/my/calendar", "application/json")).get("calendar").asText();
    HttpResponse<String> mine = server.anonymous().get(link, "text/calendar");
    assertEquals(200, mine.statusCode(), mine.body());
    event(new CalendarBuilder().build(new StringReader(mine.body())), id);
    assertEquals(404, server.anonymous().get(link.replaceAll("key=.*", "key=guessed"), "text/calendar").statusCode());
  }

  @Test
  void membersWithASeatAreRemindedOnceByEmailWithinTheLeadTime() throws Exception {
    Instant soon = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    HttpResponse<String> created = coordinator.api().postJson("/community/groups/" + GROUP + "/webinars",
        CommunitySupport.webinarBody("Starting soon", soon, 1));
    assertEquals(201, created.statusCode(), created.body());
    String id = TestServer.json(created).get("id").asText();
    Member seated = community.member("Seated");
    Member waiting = community.member("Waiting");
    CommunitySupport.consent(seated, "webinar-reminders");
    CommunitySupport.consent(waiting, "webinar-reminders");
    register(seated, id);
    register(waiting, id);
    WebinarReminders reminders = server.bean(WebinarReminders.class);
    reminders.remindDue();
    reminders.remindDue();
    assertEquals(1, community.count("select count(*) from email_outbox where to_address = '" + seated.email()
        + "' and subject = 'Reminder: Starting soon' and body_text like '%https://meet.example/room%'"));
    assertEquals(0, community.count("select count(*) from email_outbox where to_address = '" + waiting.email() + "'"),
        "the waiting list is not reminded");
  }

  @Test
  void onlyCoordinatorsOfTheGroupScheduleAndAnonymousCallersMustSignIn() {
    String body = CommunitySupport.webinarBody("Not mine", Instant.now().plus(3, ChronoUnit.DAYS), 5);
    Member outsider = community.member("Outsider");
    Member otherCoordinator = community.coordinator("Other coordinator", "funding");
    assertEquals(401, server.anonymous().postJson("/community/groups/" + GROUP + "/webinars", body).statusCode());
    assertEquals(403, outsider.api().postJson("/community/groups/" + GROUP + "/webinars", body).statusCode());
    assertEquals(403, otherCoordinator.api().postJson("/community/groups/" + GROUP + "/webinars", body)
        .statusCode());
    assertEquals(401, server.anonymous().postJson("/community/webinars/00000000-0000-0000-0000-000000000000"
        + "/registrations", "").statusCode());
    // an outsider cannot make themselves a coordinator either
    assertEquals(403, outsider.api().putJson("/community/groups/" + GROUP + "/coordinators/" + outsider.id(), "")
        .statusCode());
  }

  @Test
  void badSchedulesNameEachOffendingField() {
    HttpResponse<String> bad = coordinator.api().postJson("/community/groups/" + GROUP + "/webinars",
        Json.writeString(Json.newObject().put("title", "").put("start", "tomorrow").put("end", "2026-01-01T00:00:00Z")
            .put("timeZone", "Mars/Olympus").put("capacity", 0).put("joinUrl", "http://insecure.example")));
    assertEquals(400, bad.statusCode(), bad.body());
    List<String> pointers = new ArrayList<>();
    TestServer.json(bad).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertTrue(pointers.containsAll(List.of("/title", "/start", "/timeZone", "/capacity", "/joinUrl")), bad.body());
    assertEquals(404, coordinator.api().postJson("/community/groups/no-such-group/webinars", "{}").statusCode());
  }

  private static JsonNode register(Member m, String webinar) {
    HttpResponse<String> response = m.api().postJson("/community/webinars/" + webinar + "/registrations", "");
    assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.body());
    return TestServer.json(response);
  }

  private static List<String> statuses(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(e -> out.add(e.get("userId").asText() + ":" + e.get("status").asText()));
    return out;
  }

  private static VEvent event(Calendar calendar, String webinarId) {
    return calendar.getComponents("VEVENT").stream().map(c -> (VEvent) c)
        .filter(e -> e.getUid().orElseThrow().getValue().equals(webinarId + "@dcop-community")).findFirst()
        .orElseThrow(() -> new AssertionError("no VEVENT with the webinar's UID"));
  }
}
