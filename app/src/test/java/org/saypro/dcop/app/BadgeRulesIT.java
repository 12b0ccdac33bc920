package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.community.badges.BadgeReconciliation;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.EventSubscriber;
import org.saypro.dcop.core.json.Json;

/**
 * Badge rules end to end: community events through the outbox to rules to a verifiable Open Badge with the events
 * as evidence; once only, whatever the deliveries; versions locked by awards; dry run, quiet backfill, nightly
 * re-check, and revocation through the status list.
 */
class BadgeRulesIT {

  @TempDir static Path dataDir;
  private static TestServer server;
  private static CommunityFixtures community;
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String CI = "curriculum-innovation";

  @BeforeAll
  static void start() {
    // the test delivers events itself: a scheduled relay run would race it and take some of the deliveries it counts
    server = TestServer.start(dataDir, TestServer.freePort(), java.util.Map.of("dcop.community.relay-interval", "1h",
        "dcop.community.relay-initial-delay", "1h"));
    community = new CommunityFixtures(server);
    qualification("CI-REGULAR", "Curriculum Innovation Regular");
    qualification("CI-CONTRIBUTOR", "Curriculum Innovation Contributor");
    qualification("LIBRARIAN", "Community Librarian");
    qualification("HELPER", "Community Helper");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void qualification(String code, String title) {
    HttpResponse<String> created = server.postJson("/organisations/saypro/qualifications", """
        {"code": "%s", "title": "%s", "description": "Earned in the community of practice.",
         "criteria": "Meet the badge rule.", "achievementType": "Badge"}""".formatted(code, title));
    assertEquals(201, created.statusCode(), created.body());
  }

  /** Each test counts webinars of its own group, so no other test's rule awards its learners. */
  private static String webinars(String name, String badge, int atLeast, String group) {
    return """
        name: %s
        trigger: webinar.attended
        badge: %s
        when: {count: webinar.attended, atLeast: %d, withinMonths: 12, group: %s}
        """.formatted(name, badge, atLeast, group);
  }

  private static HttpResponse<String> sendYaml(String method, String path, String yaml) {
    return TestServer.send(server.authorised(HttpRequest.newBuilder(server.uri(path))
        .header("Content-Type", "application/yaml")
        .method(method, HttpRequest.BodyPublishers.ofString(yaml))).build());
  }

  private static JsonNode createRule(String yaml) {
    HttpResponse<String> created = sendYaml("POST", "/organisations/saypro/badge-rules", yaml);
    assertEquals(201, created.statusCode(), created.body());
    return TestServer.json(created);
  }

  private static long count(String sql, Object... args) throws Exception {
    try (Connection c = server.sql(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static JsonNode awards(String rule) {
    return TestServer.json(server.get("/organisations/saypro/badge-rules/" + rule, "application/json")).get("awards");
  }

  /** The credential's own JSON: the payload of its VC-JWT. */
  private static JsonNode credentialJson(JsonNode enveloped) {
    String jwt = enveloped.get("id").asText().substring("data:application/vc+jwt,".length());
    return Json.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  @Test
  void threeCurriculumInnovationWebinarsEarnAVerifiableBadgeWithTheAttendancesAsEvidence() throws Exception {
    String rule = createRule(webinars("Curriculum Innovation regular", "CI-REGULAR", 3, CI)).get("id").asText();
    UUID learner = community.member("nomsa", "saypro");
    // out of order: the newest attendance is recorded first, an older one last
    community.webinar(learner, CI, "Play-based maths", NOW.minus(10, ChronoUnit.DAYS));
    community.webinar(learner, "early-childhood", "Not this group", NOW.minus(5, ChronoUnit.DAYS));
    community.webinar(learner, CI, "Assessment for learning", NOW.minus(100, ChronoUnit.DAYS));
    community.deliver();
    assertEquals(0, awards(rule).size(), "two of three: nothing yet");
    CommunityEvent third = community.webinar(learner, CI, "Project-based science", NOW.minus(200, ChronoUnit.DAYS));
    community.deliver();

    JsonNode awards = awards(rule);
    assertEquals(1, awards.size(), awards.toString());
    assertEquals(3, awards.get(0).get("events").size());
    assertTrue(awards.get(0).get("notified").asBoolean());
    String credential = awards.get(0).get("credential").asText();
    assertEquals(1, count("select count(*) from email_outbox where to_address = 'nomsa@example.org'"));

    JsonNode enveloped = TestServer.json(server.get("/credentials/" + credential, "application/json"));
    JsonNode evidence = credentialJson(enveloped).get("evidence");
    assertEquals(3, evidence.size(), evidence.toString());
    List<String> narratives = new ArrayList<>();
    evidence.forEach(e -> narratives.add(e.get("narrative").asText()));
    assertTrue(narratives.get(0).startsWith("Attended webinar Play-based maths on "), narratives.toString());
    assertTrue(narratives.get(2).startsWith("Attended webinar Project-based science on "), narratives.toString());
    assertEquals("urn:dcop:community-event:" + third.id(), evidence.get(2).get("id").asText());
    HttpResponse<String> verified = server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped));
    assertTrue(TestServer.json(verified).get("verified").asBoolean(), verified.body());

    // redelivered events award nothing more
    try (Connection c = server.sql()) {
      c.createStatement().executeUpdate("update community_event_delivery set delivered_at = null"
          + " where subscriber = 'badge-rules' and event_id in (select id from community_event where user_id = '"
          + learner + "')");
    }
    assertTrue(community.deliver() >= 4);
    assertEquals(1, awards(rule).size());
    assertEquals(1, count("select count(*) from email_outbox where to_address = 'nomsa@example.org'"));

    // the learner sees it on their badges page as JSON
    JsonNode mine = TestServer.json(server.as(server.signIn("nomsa@example.org", "a long enough password"))
        .get("/me/badges", "application/json"));
    JsonNode regular = null;
    for (JsonNode b : mine.get("badges")) {
      if (b.get("rule").asText().equals(rule)) {
        regular = b;
      }
    }
    assertEquals("Curriculum Innovation Regular", regular.get("badge").asText(), mine.toString());
    assertTrue(regular.get("awarded").asBoolean());
    assertEquals("3 of 3 webinars attended in curriculum-innovation in the last 12 months",
        regular.get("progress").get(0).asText());
  }

  @Test
  void twoDeliveriesAtOnceAwardOnce() throws Exception {
    String rule = createRule(webinars("Contributor", "CI-CONTRIBUTOR", 2, "contributors")).get("id").asText();
    UUID learner = community.member("sipho", "saypro");
    // recorded without delivery, then handed to the subscriber twice at the same moment
    CommunityEvent first = community.webinar(learner, "contributors", "One", NOW.minus(3, ChronoUnit.DAYS));
    CommunityEvent second = community.webinar(learner, "contributors", "Two", NOW.minus(2, ChronoUnit.DAYS));
    EventSubscriber rules = community.subscriber("badge-rules");
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (CommunityEvent event : List.of(first, second)) {
        runs.add(pool.submit(() -> community.transactions().executeWrite(status -> {
          together.await();
          rules.deliver(event);
          return null;
        })));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, awards(rule).size());
    assertEquals(1, count("select count(*) from badge_award where user_id = ?", learner));
    assertEquals(1, count("select count(*) from email_outbox where to_address = 'sipho@example.org'"));
  }

  @Test
  void anEditAfterAnAwardAddsAVersionAndLeavesTheAwardedOneAlone() throws Exception {
    JsonNode created = createRule("""
        name: Librarian
        trigger: resource.published
        badge: LIBRARIAN
        when: {count: resource.published, atLeast: 5}
        """);
    String path = "/organisations/saypro/badge-rules/" + created.get("id").asText();
    // nothing awarded yet: edited in place
    JsonNode edited = TestServer.json(sendYaml("PUT", path, """
        name: Librarian
        trigger: resource.published
        badge: LIBRARIAN
        when: {count: resource.published, atLeast: 1}
        """));
    assertEquals(1, edited.get("version").asInt());
    assertFalse(edited.get("locked").asBoolean());
    UUID learner = community.member("lindiwe", "saypro");
    community.record("resource.published", learner, Optional.empty(), NOW.minus(1, ChronoUnit.DAYS),
        Json.newObject().put("title", "Lesson plan template"));
    community.deliver();
    JsonNode locked = TestServer.json(server.get(path, "application/json"));
    assertTrue(locked.get("locked").asBoolean(), locked.toString());

    HttpResponse<String> again = sendYaml("PUT", path, """
        name: Librarian
        trigger: resource.published
        badge: LIBRARIAN
        when: {count: resource.published, atLeast: 2}
        """);
    assertEquals(200, again.statusCode(), again.body());
    JsonNode rule = TestServer.json(server.get(path, "application/json"));
    assertEquals(2, rule.get("version").asInt());
    assertEquals(2, rule.get("versions").size());
    JsonNode first = rule.get("versions").get(1);
    assertEquals(1, first.get("rule").get("when").get("atLeast").asInt(), "version 1 unchanged");
    assertTrue(first.get("locked").asBoolean());
    assertEquals(1, rule.get("awards").get(0).get("ruleVersion").asInt());
  }

  @Test
  void aDryRunShowsWhoQualifiesAndABackfillAwardsThemQuietly() throws Exception {
    UUID early = community.member("thandeka", "saypro");
    UUID notYet = community.member("bongani", "saypro");
    for (int i = 0; i < 2; i++) {
      community.record("answer.accepted", early, Optional.empty(), NOW.minus(i + 1, ChronoUnit.DAYS),
          Json.newObject());
    }
    community.record("answer.accepted", notYet, Optional.empty(), NOW.minus(1, ChronoUnit.DAYS), Json.newObject());
    String rule = createRule("""
        name: Helper
        trigger: answer.accepted
        badge: HELPER
        when: {count: answer.accepted, atLeast: 2}
        """).get("id").asText();
    String path = "/organisations/saypro/badge-rules/" + rule;

    JsonNode dry = TestServer.json(server.postJson(path + "/dry-run", ""));
    assertEquals(1, dry.get("qualifiers").size(), dry.toString());
    assertEquals("thandeka@example.org", dry.get("qualifiers").get(0).get("email").asText());
    assertFalse(dry.get("qualifiers").get(0).get("awarded").asBoolean());
    assertEquals(0, awards(rule).size(), "a dry run awards nothing");

    JsonNode backfill = TestServer.json(server.postJson(path + "/backfill", ""));
    assertEquals(1, backfill.get("awarded").asInt(), backfill.toString());
    assertEquals(0, count("select count(*) from email_outbox where to_address = 'thandeka@example.org'"),
        "a backfill sends no email");
    assertFalse(awards(rule).get(0).get("notified").asBoolean());
    assertEquals(0, TestServer.json(server.postJson(path + "/backfill", "")).get("awarded").asInt());
    assertTrue(TestServer.json(server.postJson(path + "/dry-run", "")).get("qualifiers").get(0).get("awarded")
        .asBoolean());
  }

  @Test
  void theNightlyRecheckCatchesWhatWasMissed() throws Exception {
    UUID learner = community.member("ayanda", "saypro");
    String rule = createRule("""
        name: Reporter
        trigger: project.output-reported
        badge: CI-CONTRIBUTOR
        when: {sum: project.output-reported, field: value, atLeast: 100, withinMonths: 12}
        """).get("id").asText();
    community.record("project.output-reported", learner, Optional.empty(), NOW.minus(9, ChronoUnit.DAYS),
        Json.newObject().put("indicator", "learners-reached").put("value", 60).put("unit", "learners"));
    community.record("project.output-reported", learner, Optional.empty(), NOW.minus(8, ChronoUnit.DAYS),
        Json.newObject().put("indicator", "learners-reached").put("value", 45).put("unit", "learners"));
    // the deliveries are lost (given up on, say): only the re-check can award now
    try (Connection c = server.sql()) {
      c.createStatement().executeUpdate("update community_event_delivery set delivered_at = now() where event_id in"
          + " (select id from community_event where user_id = '" + learner + "')");
    }
    assertEquals(0, awards(rule).size());
    assertTrue(server.context().getBean(BadgeReconciliation.class).reconcile() >= 1);
    assertEquals(1, awards(rule).size());
    assertEquals(2, awards(rule).get(0).get("events").size());
  }

  @Test
  void revokingAnAwardGoesThroughTheStatusList() throws Exception {
    UUID learner = community.member("zanele", "saypro");
    String rule = createRule(webinars("Gamed attendance", "HELPER", 1, "gamed")).get("id").asText();
    community.webinar(learner, "gamed", "Joined for ten seconds", NOW.minus(1, ChronoUnit.DAYS));
    community.deliver();
    String credential = awards(rule).get(0).get("credential").asText();
    String revoke = "/organisations/saypro/badge-rules/" + rule + "/awards/" + learner + "/revoke";

    HttpResponse<String> noReason = server.postJson(revoke, "{}");
    assertEquals(400, noReason.statusCode());
    assertEquals("/reason", TestServer.json(noReason).get("errors").get(0).get("pointer").asText(), noReason.body());
    HttpResponse<String> revoked = server.postJson(revoke, "{\"reason\": \"attendance was gamed\"}");
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertEquals("attendance was gamed", TestServer.json(revoked).get("revokeReason").asText());

    JsonNode enveloped = TestServer.json(server.get("/credentials/" + credential, "application/json"));
    JsonNode report = TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
    assertFalse(report.get("verified").asBoolean(), report.toString());
    assertEquals("failed", TestServer.status(report, "status"));
  }

  @Test
  void badRulesAreRefusedFieldByFieldAndOnlyAdminsMayWriteThem() {
    HttpResponse<String> bad = sendYaml("POST", "/organisations/saypro/badge-rules", """
        name: Broken
        trigger: webinar.attended
        badge: NO-SUCH-BADGE
        when: {count: webinar.attended, atLeast: -1}
        """);
    assertEquals(400, bad.statusCode());
    assertEquals("/when/atLeast", TestServer.json(bad).get("errors").get(0).get("pointer").asText(), bad.body());
    HttpResponse<String> unknownBadge = sendYaml("POST", "/organisations/saypro/badge-rules",
        webinars("Unknown badge", "NO-SUCH-BADGE", 3, CI));
    assertEquals(400, unknownBadge.statusCode());
    assertEquals("/badge", TestServer.json(unknownBadge).get("errors").get(0).get("pointer").asText());

    community.member("member", "saypro");
    TestServer member = server.as(server.signIn("member@example.org", "a long enough password"));
    assertEquals(403, member.get("/organisations/saypro/badge-rules", "application/json").statusCode());
    assertEquals(401, server.anonymous().get("/organisations/saypro/badge-rules", "application/json").statusCode());
  }

  @Test
  void thePagesWriteARuleShowTheDryRunAndTheMembersProgress() {
    PageSession admin = PageSession.signIn(server, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    String list = "/console/saypro/badge-rules";
    String token = admin.formToken(list);
    HttpResponse<String> refused = admin.postForm(list, Map.of("csrf", token, "yaml", "name: [unclosed"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("not valid YAML"), refused.body());
    assertEquals(403, admin.postForm(list, Map.of("yaml", webinars("No token", "HELPER", 2, "pages")))
        .statusCode());

    HttpResponse<String> saved = admin.postForm(list, Map.of("csrf", token,
        "yaml", webinars("Pages regular", "HELPER", 2, "pages")));
    assertEquals(303, saved.statusCode(), saved.body());
    String rule = saved.headers().firstValue("Location").orElseThrow();
    UUID learner = community.member("palesa", "saypro");
    community.webinar(learner, "pages", "First of two", NOW.minus(1, ChronoUnit.DAYS));
    HttpResponse<String> page = admin.get(rule);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Pages regular"), page.body());
    HttpResponse<String> dry = admin.postForm(rule + "/dry-run", Map.of("csrf", token));
    assertTrue(dry.body().contains("Nobody qualifies now."), dry.body());

    PageSession palesa = PageSession.signIn(server, "palesa@example.org", "a long enough password");
    HttpResponse<String> mine = palesa.get("/my/badges");
    assertEquals(200, mine.statusCode());
    assertTrue(mine.body().contains("1 of 2 webinars attended in pages in the last 12 months"), mine.body());
    assertEquals(403, palesa.get(list).statusCode());
  }
}
