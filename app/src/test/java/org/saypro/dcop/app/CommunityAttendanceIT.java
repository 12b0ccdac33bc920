package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.CommunityEvents;
import org.saypro.dcop.community.events.EventRelay;
import org.saypro.dcop.core.json.Json;

/**
 * Attendance: check-in and imported reports, the row report, the minimum-duration threshold at its boundary, one
 * webinar.attended event per attendance written with it, and the relay delivering events at least once.
 */
class CommunityAttendanceIT {

  private static final String GROUP = "compliance";

  @TempDir static Path dataDir;
  static TestServer server;
  static CommunitySupport community;
  static Member coordinator;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, TestServer.freePort(), CommunitySupport.PROPERTIES);
    community = new CommunitySupport(server);
    coordinator = community.coordinator("Attendance coordinator", GROUP);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aReportWithBadRowsGivesARowReportAndImportingItTwiceAttendsNobodyTwice() throws Exception {
    JsonNode webinar = CommunitySupport.schedule(coordinator.api(), GROUP, "Accreditation clinic", 50);
    String id = webinar.get("id").asText();
    Instant start = Instant.parse(webinar.get("start").asText());
    Member ama = community.member("Ama");
    Member ben = community.member("Ben");
    String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(start.plusSeconds(40 * 60)
        .atZone(ZoneId.of("Africa/Johannesburg")));
    String csv = "Name,Email,Join,Leave\n"
        + "Ama,"  + ama.email() + "," + start + "," + start.plusSeconds(45 * 60) + "\n"          // line 2
        + "Ben,"  + ben.email() + "," + start + ",yesterday-ish\n"                               // line 3: bad time
        + "Ben,"  + ben.email() + "," + start.plusSeconds(10 * 60) + "," + local + "\n"          // line 4: 30 min
        + "Cat,not-an-email," + start + "," + start.plusSeconds(60 * 60) + "\n"                  // line 5: bad email
        + "Dan,dan@test.example," + start.plusSeconds(3600) + "," + start + "\n"                 // line 6: leave < join
        + "Eve,nobody-here@test.example," + start + "," + start.plusSeconds(3600) + "\n";        // line 7: unknown
    long eventsBefore = events("webinar.attended");

    JsonNode report = importReport(coordinator, id, csv, 30);
    assertEquals(6, report.get("rows").asInt());
    assertEquals(List.of(ama.email(), ben.email()), emails(report.get("attended")));
    assertEquals(List.of("3:Leave", "5:Email", "6:Leave", "7:Email"), errors(report), report.toString());
    assertEquals(eventsBefore + 2, events("webinar.attended"), "one event per attendance, none for bad rows");

    JsonNode again = importReport(coordinator, id, csv, 30);
    assertEquals(List.of(), emails(again.get("attended")));
    assertEquals(List.of(ama.email(), ben.email()), emails(again.get("alreadyAttended")));
    assertEquals(eventsBefore + 2, events("webinar.attended"), "a second import writes no event");
    assertEquals(2, TestServer.json(coordinator.api().get("/community/webinars/" + id + "/attendance",
        "application/json")).get("count").asInt());

    try (Connection sql = server.sql(); var r = sql.createStatement().executeQuery("select user_id, group_slug,"
        + " occurred_at, payload::text from community_event where type = 'webinar.attended' and payload->>'webinarId'"
        + " = '" + id + "' and user_id = '" + ama.id() + "'")) {
      assertTrue(r.next());
      assertEquals(GROUP, r.getString(2));
      assertEquals(start, r.getTimestamp(3).toInstant(), "occurredAt is the webinar's start");
      JsonNode payload = Json.parse(r.getString(4));
      assertEquals("Accreditation clinic", payload.get("title").asText());
      assertEquals(45, payload.get("minutes").asInt());
    }
  }

  @Test
  void theMinimumDurationCountsAtItsBoundaryAndRowsOfOnePersonAddUp() throws Exception {
    JsonNode webinar = CommunitySupport.schedule(coordinator.api(), GROUP, "Threshold", 50);
    String id = webinar.get("id").asText();
    Instant start = Instant.parse(webinar.get("start").asText());
    Member exactly = community.member("Exactly thirty");
    Member almost = community.member("Almost thirty");
    Member twice = community.member("Two devices");
    String csv = "name,email,join,leave\n"
        + "E," + exactly.email() + "," + start + "," + start.plusSeconds(10 * 60) + "\n"
        + "E," + exactly.email() + "," + start.plusSeconds(50 * 60) + "," + start.plusSeconds(70 * 60) + "\n"
        + "A," + almost.email() + "," + start + "," + start.plusSeconds(30 * 60 - 1) + "\n"
        // overlapping intervals (two devices) count once: 0-20 and 10-25 is 25 minutes, not 35
        + "T," + twice.email() + "," + start + "," + start.plusSeconds(20 * 60) + "\n"
        + "T," + twice.email() + "," + start.plusSeconds(10 * 60) + "," + start.plusSeconds(25 * 60) + "\n";
    JsonNode report = importReport(coordinator, id, csv, 30);
    assertEquals(List.of(exactly.email()), emails(report.get("attended")));
    assertEquals(List.of(almost.email(), twice.email()), emails(report.get("belowThreshold")));
    assertEquals(29, report.get("belowThreshold").get(0).get("minutes").asInt());
    assertEquals(25, report.get("belowThreshold").get(1).get("minutes").asInt());
    // a lower threshold, chosen for this import, lets the others in; the first attendee is not counted again
    JsonNode lower = importReport(coordinator, id, csv, 25);
    assertEquals(List.of(almost.email(), twice.email()), emails(lower.get("attended")));
    assertEquals(List.of(exactly.email()), emails(lower.get("alreadyAttended")));
    assertEquals(400, send(coordinator, id, csv, -1).statusCode());
  }

  @Test
  void checkInAttendsARegisteredMemberOnceAndRefusesOthers() throws Exception {
    String id = CommunitySupport.schedule(coordinator.api(), GROUP, "Check-in", 5).get("id").asText();
    Member registered = community.member("Registered");
    Member stranger = community.member("Stranger");
    assertEquals(201, registered.api().postJson("/community/webinars/" + id + "/registrations", "").statusCode());
    long before = events("webinar.attended");
    String body = Json.writeString(Json.newObject().put("userId", registered.id().toString()));
    assertEquals(201, coordinator.api().postJson("/community/webinars/" + id + "/attendance", body).statusCode());
    assertEquals(200, coordinator.api().postJson("/community/webinars/" + id + "/attendance", body).statusCode());
    assertEquals(before + 1, events("webinar.attended"));
    HttpResponse<String> refused = coordinator.api().postJson("/community/webinars/" + id + "/attendance",
        Json.writeString(Json.newObject().put("userId", stranger.id().toString())));
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals(before + 1, events("webinar.attended"), "a refused check-in writes no event");
  }

  @Test
  void onlyTheGroupsCoordinatorsImportAttendance() {
    String id = CommunitySupport.schedule(coordinator.api(), GROUP, "Guarded", 5).get("id").asText();
    Member member = community.member("Member");
    String csv = "name,email,join,leave\n";
    assertEquals(401, send(null, id, csv, 30).statusCode());
    assertEquals(403, send(member, id, csv, 30).statusCode());
    assertEquals(403, member.api().postJson("/community/webinars/" + id + "/attendance",
        Json.writeString(Json.newObject().put("userId", member.id().toString()))).statusCode());
  }

  @Test
  void eventsAreOnlyRecordedInsideTheTransactionOfTheirFact() {
    CommunityEvents events = server.bean(CommunityEvents.class);
    assertThrows(RuntimeException.class, () -> events.record("member.joined", coordinator.id(), Optional.empty(),
        Instant.now(), Json.newObject()));
  }

  @Test
  void theRelayDeliversEveryEventAtLeastOnceAndRetriesAFailedDelivery() throws Exception {
    RecordingEventSubscriber recording = server.bean(RecordingEventSubscriber.class);
    EventRelay relay = server.bean(EventRelay.class);
    relay.deliverDue();
    recording.failNext.set(1);
    Member joiner = community.member("Joiner");
    assertEquals(201, joiner.api().postJson("/community/groups/" + GROUP + "/members", "").statusCode());
    long eventId = community.count("select max(id) from community_event where type = 'member.joined'"
        + " and user_id = '" + joiner.id() + "'");

    relay.deliverDue();
    assertEquals(1, recording.refused.get());
    assertTrue(recording.delivered.stream().noneMatch(e -> e.id() == eventId));
    assertEquals(1, community.count("select attempts from community_event_delivery where event_id = " + eventId));
    assertEquals(1, community.count("select count(*) from community_event_delivery where event_id = " + eventId
        + " and last_error like '%refused on purpose%' and delivered_at is null"));

    // the retry waits (backoff); make it due now rather than sleeping
    try (Connection sql = server.sql()) {
      sql.createStatement().executeUpdate("update community_event_delivery set next_attempt_at = now()"
          + " where event_id = " + eventId);
    }
    relay.deliverDue();
    List<CommunityEvent> mine = recording.delivered.stream().filter(e -> e.id() == eventId).toList();
    assertEquals(1, mine.size());
    assertEquals("member.joined", mine.get(0).type());
    assertEquals(Optional.of(GROUP), mine.get(0).groupSlug());
    assertEquals(0, community.count("select count(*) from community_event_delivery where delivered_at is null"
        + " and next_attempt_at <= now()"), "nothing due is left undelivered");
    assertEquals(community.count("select count(*) from community_event"),
        community.count("select count(*) from community_event_delivery where subscriber = 'test-recording'"
            + " and delivered_at is not null"), "every event reached the subscriber");
  }

  private static JsonNode importReport(Member as, String webinar, String csv, int minimum) {
    HttpResponse<String> response = send(as, webinar, csv, minimum);
    assertEquals(200, response.statusCode(), response.body());
    return TestServer.json(response);
  }

  private static HttpResponse<String> send(Member as, String webinar, String csv, int minimum) {
    TestServer api = as == null ? server.anonymous() : as.api();
    return TestServer.send(api.authorised(HttpRequest.newBuilder(server.uri("/community/webinars/" + webinar
        + "/attendance-reports?minimumMinutes=" + minimum)).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv))).build());
  }

  private static long events(String type) throws Exception {
    return community.count("select count(*) from community_event where type = '" + type + "'");
  }

  private static List<String> emails(JsonNode people) {
    List<String> out = new ArrayList<>();
    people.forEach(p -> out.add(p.get("email").asText()));
    return out;
  }

  private static List<String> errors(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("errors").forEach(e -> out.add(e.get("line").asText() + ":" + e.get("column").asText()));
    return out;
  }
}
