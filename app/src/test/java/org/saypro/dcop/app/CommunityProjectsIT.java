package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;
import org.saypro.dcop.core.json.Json;

/** Working group membership and the directory; projects, their outputs' events and the timeline. */
class CommunityProjectsIT {

  private static final String GROUP = "sustainable-infrastructure";

  @TempDir static Path dataDir;
  static TestServer server;
  static CommunitySupport community;
  static Member coordinator;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, TestServer.freePort(), CommunitySupport.PROPERTIES);
    community = new CommunitySupport(server);
    coordinator = community.coordinator("Project coordinator", GROUP);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void sixGroupsAreSeededAndJoiningEmitsMemberJoinedOnce() throws Exception {
    JsonNode groups = TestServer.json(server.anonymous().get("/community/groups", "application/json")).get("groups");
    List<String> slugs = new ArrayList<>();
    groups.forEach(g -> slugs.add(g.get("slug").asText()));
    assertTrue(slugs.containsAll(List.of("digital-learning", "compliance", "sustainable-infrastructure",
        "student-support", "funding", "curriculum-innovation")) && slugs.size() == 6, slugs.toString());

    Member lecturer = community.member("Lecturer", "saypro", "member");
    assertEquals(200, lecturer.api().putJson("/community/profile",
        "{\"stakeholderType\": \"college_lecturer\"}").statusCode());
    assertEquals(400, lecturer.api().putJson("/community/profile", "{\"stakeholderType\": \"astronaut\"}")
        .statusCode());
    assertEquals(201, lecturer.api().postJson("/community/groups/" + GROUP + "/members", "").statusCode());
    assertEquals(200, lecturer.api().postJson("/community/groups/" + GROUP + "/members", "").statusCode());
    assertEquals(1, community.count("select count(*) from community_event where type = 'member.joined' and user_id = '"
        + lecturer.id() + "' and group_slug = '" + GROUP + "'"));

    JsonNode entry = directoryEntry(lecturer);
    assertEquals("college_lecturer", entry.get("stakeholderType").asText());
    assertEquals("SayPro", entry.get("organisations").get(0).asText().substring(0, 6));
    assertEquals(401, server.anonymous().get("/community/groups/" + GROUP + "/members", "application/json")
        .statusCode());

    assertEquals(204, lecturer.api().delete("/community/groups/" + GROUP + "/members/me").statusCode());
    assertEquals(null, directoryEntry(lecturer));
  }

  private static JsonNode directoryEntry(Member member) {
    JsonNode directory = TestServer.json(member.api().get("/community/groups/" + GROUP + "/members",
        "application/json")).get("members");
    for (JsonNode entry : directory) {
      if (entry.get("userId").asText().equals(member.id().toString())) {
        return entry;
      }
    }
    return null;
  }

  @Test
  void membersReportOutputsWithTheirEventAndTheTimelineListsEverythingByDate() throws Exception {
    Member worker = community.member("Project worker");
    Member outsider = community.member("Not on the project");
    HttpResponse<String> created = coordinator.api().postJson("/community/groups/" + GROUP + "/projects",
        Json.writeString(Json.newObject().put("title", "Solar classrooms").put("startsOn", "2026-02-01")
            .put("endsOn", "2026-12-31").put("status", "active").set("partners",
                Json.mapper().createArrayNode().add("saypro"))));
    assertEquals(201, created.statusCode(), created.body());
    String id = TestServer.json(created).get("id").asText();
    assertEquals("saypro", TestServer.json(created).get("partners").get(0).asText());
    assertEquals(201, coordinator.api().putJson("/community/projects/" + id + "/members/" + worker.id(), "")
        .statusCode());

    String output = Json.writeString(Json.newObject().put("date", "2026-03-15").put("indicator", "Panels installed")
        .put("value", 24).put("unit", "panels").put("evidenceUrl", "https://evidence.example/photos"));
    assertEquals(403, outsider.api().postJson("/community/projects/" + id + "/outputs", output).statusCode());
    assertEquals(401, server.anonymous().postJson("/community/projects/" + id + "/outputs", output).statusCode());
    long before = community.count("select count(*) from community_event where type = 'project.output-reported'");
    assertEquals(201, worker.api().postJson("/community/projects/" + id + "/outputs", output).statusCode());
    assertEquals(201, worker.api().postJson("/community/projects/" + id + "/activities",
        "{\"date\": \"2026-02-10\", \"description\": \"Site survey with the municipality\"}").statusCode());

    HttpResponse<String> bad = worker.api().postJson("/community/projects/" + id + "/outputs",
        "{\"date\": \"soon\", \"indicator\": \"\", \"value\": \"many\", \"evidenceUrl\": \"ftp://x\"}");
    assertEquals(400, bad.statusCode(), bad.body());
    List<String> pointers = new ArrayList<>();
    TestServer.json(bad).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertEquals(List.of("/date", "/indicator", "/value", "/unit", "/evidenceUrl"), pointers);
    assertEquals(before + 1, community.count("select count(*) from community_event"
        + " where type = 'project.output-reported'"), "one event for the one output; none for the refused one");

    try (Connection sql = server.sql(); ResultSet r = sql.createStatement().executeQuery("select payload::text,"
        + " group_slug, user_id from community_event where type = 'project.output-reported' order by id desc limit 1")) {
      assertTrue(r.next());
      JsonNode payload = Json.parse(r.getString(1));
      assertEquals(id, payload.get("projectId").asText());
      assertEquals("Panels installed", payload.get("indicator").asText());
      assertEquals(24, payload.get("value").asInt());
      assertEquals("panels", payload.get("unit").asText());
      assertEquals(GROUP, r.getString(2));
      assertEquals(worker.id().toString(), r.getString(3));
    }

    JsonNode project = TestServer.json(worker.api().get("/community/projects/" + id, "application/json"));
    PageSession page = PageSession.signIn(server, worker.email(), CommunitySupport.PASSWORD);
    assertTrue(page.get("/groups/" + GROUP).body().contains("/projects/" + id), "the group page links the project");
    HttpResponse<String> projectPage = page.get("/projects/" + id);
    assertEquals(200, projectPage.statusCode(), projectPage.body());
    assertTrue(projectPage.body().contains("Panels installed: 24 panels")
        && projectPage.body().contains("Site survey with the municipality"), projectPage.body());
    List<String> timeline = new ArrayList<>();
    project.get("timeline").forEach(e -> timeline.add(e.get("date").asText() + " " + e.get("type").asText()));
    assertEquals(List.of("2026-02-10 activity", "2026-03-15 output"), timeline);
    assertEquals(403, worker.api().putJson("/community/projects/" + id + "/status", "{\"status\": \"completed\"}")
        .statusCode(), "only coordinators change the status");
    assertEquals(200, coordinator.api().putJson("/community/projects/" + id + "/status",
        "{\"status\": \"completed\"}").statusCode());
  }

  @Test
  void thePagesJoinRegisterAndImportWithFormTokensAndShowTheRowReport() {
    Member member = community.member("Page visitor");
    PageSession browser = PageSession.signIn(server, member.email(), CommunitySupport.PASSWORD);
    assertEquals(200, PageSession.visitor(server).get("/groups/" + GROUP).statusCode());
    String token = browser.formToken("/groups/" + GROUP);
    assertEquals(403, browser.postForm("/groups/" + GROUP + "/membership", Map.of("action", "join")).statusCode(),
        "no form token, no join");
    assertEquals(303, browser.postForm("/groups/" + GROUP + "/membership", Map.of("action", "join", "csrf", token))
        .statusCode());
    HttpResponse<String> group = browser.get("/groups/" + GROUP);
    assertTrue(group.body().contains("Leave this group") && group.body().contains("Page visitor"), group.body());

    String webinar = CommunitySupport.schedule(coordinator.api(), GROUP, "Page <b>session</b>", 1).get("id").asText();
    assertEquals(303, browser.postForm("/webinars/" + webinar + "/registration",
        Map.of("action", "register", "csrf", token)).statusCode());
    HttpResponse<String> calendar = browser.get("/webinars?done=registered");
    assertTrue(calendar.body().contains("You have a seat."), calendar.body());
    assertTrue(calendar.body().contains("Page &lt;b&gt;session&lt;/b&gt;"), "titles are escaped");

    assertEquals(403, browser.get("/webinars/" + webinar + "/attendance").statusCode(), "members do not import");
    PageSession coordinating = PageSession.signIn(server, coordinator.email(), CommunitySupport.PASSWORD);
    String coordinatorToken = coordinating.formToken("/webinars/" + webinar + "/attendance");
    String csv = "name,email,join,leave\nPage,not-an-email,2026-01-01 10:00,2026-01-01 11:00\n";
    HttpResponse<String> report = coordinating.postFile("/webinars/" + webinar + "/attendance",
        Map.of("csrf", coordinatorToken, "minimumMinutes", "30"), "report.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, report.statusCode(), report.body());
    assertTrue(report.body().contains("Rows that were not used") && report.body().contains("not an email address"),
        report.body());
    assertEquals(302 / 100, PageSession.visitor(server).get("/projects/" + UUID.randomUUID()).statusCode() / 100,
        "a visitor is sent to sign in");
  }

  @Test
  void projectsNeedAGroupCoordinatorAndKnownPartners() {
    Member member = community.member("Plain member");
    String body = "{\"title\": \"Mine\", \"startsOn\": \"2026-01-01\", \"partners\": [\"no-such-org\"]}";
    assertEquals(401, server.anonymous().postJson("/community/groups/" + GROUP + "/projects", body).statusCode());
    assertEquals(403, member.api().postJson("/community/groups/" + GROUP + "/projects", body).statusCode());
    HttpResponse<String> unknown = coordinator.api().postJson("/community/groups/" + GROUP + "/projects", body);
    assertEquals(400, unknown.statusCode());
    assertEquals("/partners/0", TestServer.json(unknown).get("errors").get(0).get("pointer").asText());
  }
}
