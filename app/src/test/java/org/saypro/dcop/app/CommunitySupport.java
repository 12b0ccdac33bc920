package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.saypro.dcop.core.json.Json;

/** Users, coordinators and webinars for the community tests, through the API. */
final class CommunitySupport {

  static final String PASSWORD = "a long enough password";
  /**
   * The relay and reminders are driven by the tests themselves: their scheduled runs, the first one included, would
   * race a test's own delivery (BadgeRulesIT once counted fewer redeliveries than it had made due).
   */
  static final Map<String, Object> PROPERTIES = Map.of("test.community.recording-subscriber", "true",
      "dcop.community.relay-interval", "1h", "dcop.community.relay-initial-delay", "1h",
      "dcop.community.reminder-interval", "1h", "dcop.community.reminder-initial-delay", "1h");
  private static final AtomicInteger UNIQUE = new AtomicInteger();

  /** A signed-in user of the community. */
  record Member(UUID id, String email, TestServer api) {}

  private final TestServer admin;

  CommunitySupport(TestServer admin) {
    this.admin = admin;
  }

  Member member(String name) {
    return member(name, null, null);
  }

  Member member(String name, String organisation, String role) {
    String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-" + UNIQUE.incrementAndGet()
        + "@test.example";
    var body = Json.newObject().put("email", email).put("displayName", name).put("password", PASSWORD);
    if (organisation != null) {
      body.put("organisation", organisation).put("role", role);
    }
    HttpResponse<String> created = admin.postJson("/users", Json.writeString(body));
    assertEquals(201, created.statusCode(), created.body());
    UUID id = UUID.fromString(TestServer.json(created).get("id").asText());
    return new Member(id, email, admin.as(admin.signIn(email, PASSWORD)));
  }

  /** Grants the member's explicit consent to these kinds of e-mail (ADR 0027: none without it). */
  static void consent(Member member, String... purposes) {
    var body = Json.newObject();
    for (String purpose : purposes) {
      body.put(purpose, true);
    }
    HttpResponse<String> set = member.api().putJson("/me/email-consent", Json.writeString(body));
    assertEquals(200, set.statusCode(), set.body());
  }

  Member coordinator(String name, String group) {
    Member member = member(name);
    HttpResponse<String> set = admin.putJson("/community/groups/" + group + "/coordinators/" + member.id(), "");
    assertEquals(201, set.statusCode(), set.body());
    return member;
  }

  /** Schedules a session two days from now (whole minutes), in Johannesburg time. */
  static JsonNode schedule(TestServer as, String group, String title, int capacity) {
    Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    HttpResponse<String> created = as.postJson("/community/groups/" + group + "/webinars", webinarBody(title, start,
        capacity));
    assertEquals(201, created.statusCode(), created.body());
    return TestServer.json(created);
  }

  static String webinarBody(String title, Instant start, int capacity) {
    return Json.writeString(Json.newObject().put("title", title).put("start", start.toString())
        .put("end", start.plus(90, ChronoUnit.MINUTES).toString()).put("timeZone", "Africa/Johannesburg")
        .put("capacity", capacity).put("joinUrl", "https://meet.example/room"));
  }

  long count(String sql) throws Exception {
    try (Connection c = admin.sql(); ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
