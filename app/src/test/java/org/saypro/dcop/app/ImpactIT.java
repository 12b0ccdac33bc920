package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;
import org.saypro.dcop.community.events.EventRelay;
import org.saypro.dcop.core.json.Json;

/**
 * The impact tracker through HTTP and the database: aggregation across periods and organisation-unit subtrees against
 * hand-computed figures, corrections as versions, locked periods, the CSV import's row report, and who may do what.
 */
class ImpactIT {

  private static final String GROUP = "funding";
  private static final AtomicInteger UNIQUE = new AtomicInteger();

  @TempDir static Path dataDir;
  static TestServer server;
  static CommunitySupport community;
  static Member coordinator;
  static Member projectMember;
  static Member collegeMember;
  static String project;
  static String framework;
  static String output;

  @BeforeAll
  static void start() {
    Map<String, Object> properties = new HashMap<>(CommunitySupport.PROPERTIES);
    // ten years: 2025's quarters stay open for this test, 2000's are long locked
    properties.put("dcop.impact.lock-days", "3650");
    // the credentials-issued recount runs every second here, as it does every hour by default
    properties.put("dcop.impact.recount-interval", "1s");
    properties.put("dcop.impact.recount-initial-delay", "1s");
    server = TestServer.start(dataDir, TestServer.freePort(), properties);
    community = new CommunitySupport(server);
    for (String org : List.of("college-one", "funder-a", "funder-b")) {
      assertEquals(201, server.postJson("/organisations", Json.writeString(Json.newObject().put("slug", org)
          .put("name", org).put("kind", org.startsWith("college") ? "college" : "funder"))).statusCode());
    }
    coordinator = community.coordinator("Impact coordinator", GROUP);
    projectMember = community.member("Impact worker");
    collegeMember = community.member("College data clerk", "college-one", "member");
    created(server.postJson("/community/impact/org-units", unit("gp", "Gauteng", "region", "za", null)));
    created(server.postJson("/community/impact/org-units", unit("wc", "Western Cape", "region", "za", null)));
    created(server.postJson("/community/impact/org-units", unit("c1", "College One", "college", "gp",
        "college-one")));
    created(server.postJson("/community/impact/org-units", unit("c2", "College Two", "college", "gp", null)));
    created(server.postJson("/community/impact/org-units", unit("c3", "College Three", "college", "wc", null)));

    project = created(coordinator.api().postJson("/community/groups/" + GROUP + "/projects", Json.writeString(
        Json.newObject().put("title", "Bursary pipeline").put("startsOn", "2025-01-01").put("status", "active"))))
        .get("id").asText();
    assertEquals(201, coordinator.api().putJson("/community/projects/" + project + "/members/" + projectMember.id(),
        "").statusCode());
    assertEquals(201, coordinator.api().putJson("/community/projects/" + project + "/funders/funder-a", "")
        .statusCode());
    assertEquals(200, coordinator.api().putJson("/community/projects/" + project + "/funders/funder-a", "")
        .statusCode(), "naming a funder twice changes nothing");
    framework = created(coordinator.api().postJson("/community/impact/frameworks", Json.writeString(Json.newObject()
        .put("title", "Bursary results").put("projectId", project)))).get("id").asText();
    String impact = result("impact", "More young people qualify", null);
    String outcome = result("outcome", "Learners complete their programmes", impact);
    output = result("output", "Learners supported", outcome);
    indicator("{\"code\": \"LEARNERS\", \"name\": \"Learners supported\", \"unit\": \"learners\","
        + " \"aggregation\": \"sum\"}");
    indicator("{\"code\": \"PASS\", \"name\": \"Pass rate\", \"measure\": \"percentage\", \"aggregation\": \"average\","
        + " \"baseline\": 40, \"baselinePeriod\": \"2024\"}");
    indicator("{\"code\": \"MENTORS\", \"name\": \"Active mentors\", \"unit\": \"mentors\","
        + " \"aggregation\": \"latest\"}");
    // the other tests write here, so the figures above stay as computed by hand whatever the order
    indicator("{\"code\": \"VISITS\", \"name\": \"Site visits\", \"unit\": \"visits\"}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * Values imported by hand-checkable rows; aggregates computed by hand:
   * LEARNERS (sum): 2025Q1 c1=10 (first 12, corrected), c2=5, c3=7; 2025Q2 c1=20, c2=15; 2025Q3 c1=30.
   * gp = 10+5+20+15+30 = 80; za = 80+7 = 87; gp from 2025Q2 = 20+15+30 = 65; a category apart from total is apart.
   * PASS (average): 2025Q1 c1=60, c2=90; 2025Q2 c1=50, c3=80: za = 280/4 = 70; gp = 200/3.
   * MENTORS (latest): 2025Q1 c1=3, c2=4; 2025Q2 c1=5, c3=6: za = 5+6 = 11; gp = 5; c2 = 4 (its latest is 2025Q1).
   */
  @Test
  void aggregatesAcrossPeriodsAndSubtreesMatchTheHandComputedFigures() {
    String csv = """
        indicator,period,org_unit,category,value
        LEARNERS,2025Q1,c1,total,12
        LEARNERS,2025Q1,c2,,5
        LEARNERS,2025Q1,c3,total,7
        LEARNERS,2025Q2,c1,total,20
        LEARNERS,2025Q2,c2,total,15
        LEARNERS,2025Q3,c1,total,30
        LEARNERS,2025Q1,c1,college_lecturer,4
        PASS,2025Q1,c1,total,60
        PASS,2025Q1,c2,total,90
        PASS,2025Q2,c1,total,50
        PASS,2025Q2,c3,total,80
        MENTORS,2025Q1,c1,total,3
        MENTORS,2025Q1,c2,total,4
        MENTORS,2025Q2,c1,total,5
        MENTORS,2025Q2,c3,total,6
        """;
    HttpResponse<String> imported = importCsv(server, csv, "import");
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(15, TestServer.json(imported).get("written").asInt());
    HttpResponse<String> corrected = value(collegeMember.api(), "LEARNERS", "2025Q1", "c1", "10");
    assertEquals(201, corrected.statusCode(), corrected.body());
    assertEquals(2, TestServer.json(corrected).get("version").asInt(), "a correction is the key's next version");

    assertAggregate("80", "LEARNERS", "gp", "");
    assertAggregate("87", "LEARNERS", "za", "");
    assertAggregate("7", "LEARNERS", "c3", "");
    assertAggregate("65", "LEARNERS", "gp", "&from=2025Q2&to=2025Q3");
    assertAggregate("4", "LEARNERS", "c1", "&category=college_lecturer");
    assertAggregate("70", "PASS", "za", "");
    assertAggregate("66.6666666667", "PASS", "gp", "");
    assertAggregate("11", "MENTORS", "za", "");
    assertAggregate("5", "MENTORS", "gp", "");
    assertAggregate("4", "MENTORS", "c2", "");

    JsonNode history = TestServer.json(coordinator.api().get(base() + "/values/history?indicator=LEARNERS"
        + "&period=2025Q1&orgUnit=c1", "application/json")).get("versions");
    assertEquals(2, history.size());
    assertEquals("10", history.get(0).get("value").asText());
    assertEquals("manual", history.get(0).get("source").asText());
    assertEquals("College data clerk", history.get(0).get("enteredBy").asText());
    assertEquals("12", history.get(1).get("value").asText());
    assertEquals("import", history.get(1).get("source").asText());
  }

  @Test
  void lockedPeriodsRefuseValuesExceptAPlatformAdminsCorrection() {
    HttpResponse<String> locked = value(collegeMember.api(), "VISITS", "2000Q1", "c1", "1");
    assertEquals(409, locked.statusCode(), locked.body());
    assertEquals("https://dcop.saypro.org/problems/period-locked", TestServer.json(locked).get("type").asText());
    assertEquals(201, value(server, "VISITS", "2000Q1", "c1", "1").statusCode());
    HttpResponse<String> percent = value(collegeMember.api(), "PASS", "2025Q4", "c1", "101");
    assertEquals(400, percent.statusCode(), percent.body());
    HttpResponse<String> bad = coordinator.api().postJson(base() + "/values", "{\"indicator\": \"NOPE\", \"period\":"
        + " \"2025Q5\", \"orgUnit\": \"nowhere\", \"category\": \"Bad Category\", \"value\": \"x\"}");
    assertEquals(400, bad.statusCode(), bad.body());
    List<String> pointers = new ArrayList<>();
    TestServer.json(bad).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertEquals(List.of("/indicator", "/period", "/orgUnit", "/category", "/value"), pointers);
  }

  @Test
  void aCsvImportReportsEveryBadRowAndWritesNothingUnlessAskedForTheValidRows() throws Exception {
    String csv = """
        indicator,period,org_unit,category,value
        VISITS,2025Q4,c1,total,3
        VISITS,2025Q5,c1,total,1
        NOPE,2025Q4,c1,total,1
        VISITS,2025Q4,c3,total,1
        VISITS,2000Q1,c1,total,1
        VISITS,2025Q4,c1,college_lecturer,many
        PASS,2025Q4,c1,total,120
        VISITS,2025Q4,c1,total,4
        """;
    long before = community.count("select count(*) from impact_value");
    HttpResponse<String> refused = importCsv(collegeMember.api(), csv, "import");
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals("https://dcop.saypro.org/problems/invalid-import-file", TestServer.json(refused).get("type").asText());
    List<String> pointers = new ArrayList<>();
    TestServer.json(refused).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertEquals(List.of("/line/3/period", "/line/4/indicator", "/line/5/org_unit", "/line/6/period", "/line/7/value",
        "/line/8/value", "/line/9"), pointers);
    assertEquals(before, community.count("select count(*) from impact_value"), "nothing written");

    JsonNode validated = TestServer.json(importCsv(collegeMember.api(), csv, "validate"));
    assertEquals(8, validated.get("rows").asInt());
    assertEquals(1, validated.get("validRows").asInt());
    assertEquals(0, validated.get("written").asInt());
    assertEquals(before, community.count("select count(*) from impact_value"));
    assertTrue(validated.get("errors").get(2).get("reason").asText().contains("College Three"),
        validated.toString());

    JsonNode valid = TestServer.json(importCsv(collegeMember.api(), csv, "import-valid"));
    assertEquals(1, valid.get("written").asInt());
    assertEquals(before + 1, community.count("select count(*) from impact_value"));
    HttpResponse<String> header = importCsv(collegeMember.api(), "indicator,when,value\nLEARNERS,2025Q4,1\n",
        "validate");
    assertEquals("/line/1/period, /line/1/org_unit", String.join(", ",
        TestServer.json(header).get("errors").findValuesAsText("column").stream()
            .map(c -> "/line/1/" + c).toList()));
  }

  @Test
  void percentagesCannotBeConfiguredToSum() {
    HttpResponse<String> refused = coordinator.api().postJson(base() + "/indicators", Json.writeString(Json.newObject()
        .put("resultId", output).put("code", "RATE-" + UNIQUE.incrementAndGet()).put("name", "A rate")
        .put("measure", "percentage").put("aggregation", "sum")));
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals("/aggregation", TestServer.json(refused).get("errors").get(0).get("pointer").asText());
  }

  /** Roles down, endpoints across: who may do what with a project's framework. */
  @Test
  void authorisationMatrix() {
    Map<String, TestServer> as = new LinkedHashMap<>();
    as.put("anonymous", server.anonymous());
    as.put("learner", community.member("Learner").api());
    as.put("saypro member", community.member("Saypro member", "saypro", "member").api());
    as.put("funder", community.member("Funder A viewer", "funder-a", "funder_viewer").api());
    as.put("other funder", community.member("Funder B viewer", "funder-b", "funder_viewer").api());
    as.put("college member", collegeMember.api());
    as.put("project member", projectMember.api());
    as.put("coordinator", coordinator.api());
    as.put("platform admin", server);

    Map<String, Function<TestServer, HttpResponse<String>>> endpoints = new LinkedHashMap<>();
    endpoints.put("view", s -> s.get(base(), "application/json"));
    endpoints.put("aggregate", s -> s.get(base() + "/aggregate?indicator=LEARNERS", "application/json"));
    endpoints.put("enter c1", s -> value(s, "VISITS", "2025Q4", "c1", "1"));
    endpoints.put("add indicator", s -> s.postJson(base() + "/indicators", Json.writeString(Json.newObject()
        .put("resultId", output).put("code", "X-" + UNIQUE.incrementAndGet()).put("name", "Extra"))));
    endpoints.put("set target", s -> s.putJson(base() + "/targets",
        "{\"indicator\": \"VISITS\", \"period\": \"2025Q4\", \"value\": 50}"));
    endpoints.put("add funder", s -> s.putJson("/community/projects/" + project + "/funders/funder-a", ""));
    endpoints.put("add unit", s -> s.postJson("/community/impact/org-units",
        unit("h" + UNIQUE.incrementAndGet(), "Hub", "municipality", "za", null)));
    endpoints.put("new framework", s -> s.postJson("/community/impact/frameworks", Json.writeString(Json.newObject()
        .put("title", "Another").put("projectId", project))));

    Map<String, String> expected = new LinkedHashMap<>();
    //                           view agg enter ind target funder unit frame
    expected.put("anonymous",      "401 401 401 401 401 401 401 401");
    expected.put("learner",        "403 403 403 403 403 403 403 403");
    expected.put("saypro member",  "403 403 403 403 403 403 403 403");
    expected.put("funder",         "200 200 403 403 403 403 403 403");
    expected.put("other funder",   "403 403 403 403 403 403 403 403");
    expected.put("college member", "403 403 201 403 403 403 403 403");
    expected.put("project member", "200 200 201 403 403 403 403 403");
    expected.put("coordinator",    "200 200 201 201 200 200 403 201");
    expected.put("platform admin", "200 200 201 201 200 200 201 201");

    Map<String, String> actual = new LinkedHashMap<>();
    as.forEach((role, client) -> {
      List<String> codes = new ArrayList<>();
      endpoints.values().forEach(e -> codes.add(String.valueOf(e.apply(client).statusCode())));
      actual.put(role, String.join(" ", codes));
    });
    assertEquals(expected, actual);
    JsonNode seen = TestServer.json(as.get("other funder").get("/community/impact/frameworks", "application/json"));
    assertEquals(0, seen.get("frameworks").size(), "a framework of a project it does not fund is not listed");
  }

  @Test
  void theDashboardOfARealisticFrameworkIsSmallEscapedAndAccessibleToScreenReaders() {
    String id = ImpactFixtures.framework(server, "SKL", 14, "Learners placed <script>alert(1)</script>");
    PageSession admin = PageSession.signIn(server, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    HttpResponse<String> page = admin.get("/impact/frameworks/" + id);
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    int bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertTrue(bytes < 100_000, "a dashboard page of 12 indicators over 8 quarters is " + bytes + " bytes");
    assertEquals(36, html.split("role=\"img\"", -1).length - 1, "three charts per indicator");
    assertEquals(36, html.split("<title id=", -1).length - 1);
    assertEquals(36, html.split("<desc id=", -1).length - 1);
    assertTrue(!html.contains("<script") && html.contains("Learners placed &lt;script&gt;"), "labels are escaped");
    assertTrue(html.contains("<th scope=\"row\">2025Q4</th>"), "each chart's numbers are in a table too");
    assertTrue(html.contains("Page <span>1</span> of <span>2</span>") && html.contains("page=2"), "12 indicators a page");
    String second = admin.get("/impact/frameworks/" + id + "?page=2").body();
    assertEquals(6, second.split("role=\"img\"", -1).length - 1, "the last two indicators");
    assertTrue(admin.get("/impact").body().contains("/impact/frameworks/" + id));
    assertEquals(403, PageSession.signIn(server, community.member("Nobody").email(), CommunitySupport.PASSWORD)
        .get("/impact/frameworks/" + id).statusCode());
  }

  @Test
  void theExportIsAFormulaSafeCsvAttachment() throws Exception {
    String email = "formula-" + UNIQUE.incrementAndGet() + "@test.example";
    assertEquals(201, server.postJson("/users", Json.writeString(Json.newObject().put("email", email)
        .put("displayName", "=HYPERLINK(\"https://evil.example\")").put("password", CommunitySupport.PASSWORD)
        .put("organisation", "college-one").put("role", "member"))).statusCode());
    TestServer clerk = server.as(server.signIn(email, CommunitySupport.PASSWORD));
    assertEquals(201, value(clerk, "VISITS", "2025Q3", "c1", "-2").statusCode());
    PageSession funder = PageSession.signIn(server, community.member("Export funder", "funder-a", "funder_viewer")
        .email(), CommunitySupport.PASSWORD);
    HttpResponse<String> csv = funder.get("/impact/frameworks/" + framework + "/export.csv", "*/*");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
    assertTrue(csv.body().startsWith("indicator,period,org_unit,category,value,version,source,entered_by,"),
        csv.body());
    assertTrue(csv.body().contains("VISITS,2025Q3,c1,total,-2,1,manual,\"'=HYPERLINK("), csv.body());
  }

  @Test
  void theEntryFormShowsEveryFieldErrorAndThenTheValuesHistory() {
    PageSession clerk = PageSession.signIn(server, collegeMember.email(), CommunitySupport.PASSWORD);
    String path = "/impact/frameworks/" + framework + "/enter";
    String token = clerk.formToken(path);
    HttpResponse<String> bad = clerk.postForm(path, Map.of("csrf", token, "indicator", "VISITS", "period", "2025Q9",
        "orgUnit", "c1", "category", "Not Valid", "value", "lots"));
    assertEquals(400, bad.statusCode(), bad.body());
    for (String field : List.of("period-error", "category-error", "value-error")) {
      assertTrue(bad.body().contains("id=\"" + field + "\""), field + " in " + bad.body());
    }
    HttpResponse<String> locked = clerk.postForm(path, Map.of("csrf", token, "indicator", "VISITS", "period",
        "2001Q1", "orgUnit", "c1", "value", "3"));
    assertEquals(409, locked.statusCode());
    assertTrue(locked.body().contains("id=\"period-error\""), locked.body());
    assertEquals(403, clerk.postForm(path, Map.of("csrf", token, "indicator", "VISITS", "period", "2025Q2",
        "orgUnit", "c3", "value", "3")).statusCode(), "College Three is not the clerk's college");
    clerk.postForm(path, Map.of("csrf", token, "indicator", "VISITS", "period", "2025Q2", "orgUnit", "c1",
        "category", "total", "value", "3"));
    HttpResponse<String> saved = clerk.postForm(path, Map.of("csrf", token, "indicator", "VISITS", "period", "2025Q2",
        "orgUnit", "c1", "category", "total", "value", "4"));
    assertEquals(200, saved.statusCode(), saved.body());
    assertTrue(saved.body().contains("Saved as version 2."), saved.body());
    assertTrue(saved.body().contains("College data clerk"), "the history names who entered each version");
    assertEquals(403, clerk.postForm(path, Map.of("indicator", "VISITS", "period", "2025Q2", "orgUnit", "c1",
        "value", "5")).statusCode(), "without the form token");
    HttpResponse<String> history = PageSession.signIn(server, coordinator.email(), CommunitySupport.PASSWORD)
        .get("/impact/frameworks/" + framework + "/history?indicator=VISITS&period=2025Q2&orgUnit=c1");
    assertEquals(200, history.statusCode(), history.body());
    assertTrue(history.body().contains("<td>4</td>") && history.body().contains("<td>3</td>"), history.body());
  }

  @Test
  void theImportPageShowsTheRowReport() {
    PageSession clerk = PageSession.signIn(server, collegeMember.email(), CommunitySupport.PASSWORD);
    String path = "/impact/frameworks/" + framework + "/import";
    String token = clerk.formToken(path);
    byte[] csv = "indicator,period,org_unit,value\nVISITS,2025Q1,c1,2\nVISITS,2025Q1,c1,oops\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> report = clerk.postFile(path, Map.of("csrf", token), "values.csv", csv);
    assertEquals(200, report.statusCode(), report.body());
    assertTrue(report.body().contains("Nothing was written") && report.body().contains("<td>3</td><td>value</td>"),
        report.body());
    HttpResponse<String> valid = clerk.postFile(path, Map.of("csrf", token, "validOnly", "yes"), "values.csv", csv);
    assertTrue(valid.body().contains("<span>1</span> written"), valid.body());
  }

  /**
   * Project outputs and webinar attendances count through the outbox, once per event; credentials issued are
   * recounted from the issuer, and a recount that finds nothing new writes nothing.
   */
  @Test
  void automaticValuesCountOutputsAttendancesAndCredentialsIssued() {
    indicator("{\"code\": \"BURSARIES\", \"name\": \"Bursaries awarded\", \"unit\": \"bursaries\","
        + " \"autoSource\": \"project-output:Bursaries awarded\"}");
    indicator("{\"code\": \"ATTEND\", \"name\": \"Webinar attendances\", \"unit\": \"attendances\","
        + " \"autoSource\": \"webinar-attendance\"}");
    indicator("{\"code\": \"CREDS\", \"name\": \"Credentials issued\", \"unit\": \"credentials\","
        + " \"autoSource\": \"credentials-issued\"}");
    EventRelay relay = server.bean(EventRelay.class);
    relay.deliverDue();
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    for (int value : new int[] {7, 3}) {
      assertEquals(201, projectMember.api().postJson("/community/projects/" + project + "/outputs", Json.writeString(
          Json.newObject().put("date", today).put("indicator", "Bursaries awarded").put("value", value)
              .put("unit", "bursaries"))).statusCode());
    }
    assertEquals(201, projectMember.api().postJson("/community/projects/" + project + "/outputs", Json.writeString(
        Json.newObject().put("date", today).put("indicator", "Something else").put("value", 100)
            .put("unit", "things"))).statusCode());

    String webinar = CommunitySupport.schedule(coordinator.api(), GROUP, "Funding clinic", 10).get("id").asText();
    assertEquals(200, collegeMember.api().putJson("/community/profile", "{\"stakeholderType\": \"college_lecturer\"}")
        .statusCode());
    assertEquals(201, collegeMember.api().postJson("/community/webinars/" + webinar + "/registrations", "")
        .statusCode());
    assertEquals(201, coordinator.api().postJson("/community/webinars/" + webinar + "/attendance", Json.writeString(
        Json.newObject().put("userId", collegeMember.id().toString()))).statusCode());
    relay.deliverDue();
    relay.deliverDue();

    assertAggregate("10", "BURSARIES", "za", "");
    assertAggregate("1", "ATTEND", "za", "");
    assertAggregate("1", "ATTEND", "c1", "");
    assertNoValues("ATTEND", "wc");
    assertAggregate("1", "ATTEND", "za", "&category=college_lecturer");

    assertEquals(201, server.postJson("/organisations/saypro/qualifications", Json.writeString(Json.newObject()
        .put("code", "BUR-1").put("title", "Bursary readiness").put("description", "Ready to apply for bursaries.")
        .put("criteria", "Complete the readiness workshop.").put("achievementType", "Certificate"))).statusCode());
    assertEquals(201, server.postJson("/organisations/saypro/qualifications/BUR-1/awards", "{\"learner\": {\"did\":"
        + " \"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\", \"name\": \"Sipho\"}}").statusCode());
    assertEquals(403, projectMember.api().postJson(base() + "/recount", "").statusCode());
    // the schedule may have counted the award already: then the manual recount finds nothing to change
    JsonNode recount = TestServer.json(coordinator.api().postJson(base() + "/recount", ""));
    assertTrue(recount.get("changed").asInt() <= 1, recount.toString());
    assertAggregate("1", "CREDS", "za", "");
    assertEquals(0, TestServer.json(coordinator.api().postJson(base() + "/recount", "")).get("changed").asInt());

    // nobody asks now: the schedule counts the next award, and writes a version only when the count changed
    assertEquals(201, server.postJson("/organisations/saypro/qualifications/BUR-1/awards", "{\"learner\": {\"email\":"
        + " \"lerato@example.org\", \"name\": \"Lerato\"}}").statusCode());
    String quarter = currentQuarter();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    JsonNode versions;
    do {
      versions = TestServer.json(coordinator.api().get(base() + "/values/history?indicator=CREDS&period=" + quarter
          + "&orgUnit=za", "application/json")).get("versions");
      if (versions.size() < 2) {
        sleep(200);
      }
    } while (versions.size() < 2 && System.nanoTime() < deadline);
    assertEquals("2", versions.get(0).get("value").asText(), versions.toString());
    assertEquals("credentials-issued", versions.get(0).get("source").asText());
    sleep(2500);
    assertEquals(2, TestServer.json(coordinator.api().get(base() + "/values/history?indicator=CREDS&period=" + quarter
        + "&orgUnit=za", "application/json")).get("versions").size(), "runs that find no change write nothing");
    assertAggregate("2", "CREDS", "za", "");
  }

  private static String currentQuarter() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    return today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void coordinatorsNameFundersOnTheProjectPageAndFundersOnlyRead() {
    assertEquals(201, server.postJson("/organisations", "{\"slug\": \"funder-c\", \"name\": \"Funder C Trust\","
        + " \"kind\": \"funder\"}").statusCode());
    Member viewer = community.member("Funder C viewer", "funder-c", "funder_viewer");
    PageSession funder = PageSession.signIn(server, viewer.email(), CommunitySupport.PASSWORD);
    assertEquals(403, funder.get("/impact/frameworks/" + framework).statusCode());
    PageSession page = PageSession.signIn(server, coordinator.email(), CommunitySupport.PASSWORD);
    String token = page.formToken("/projects/" + project);
    HttpResponse<String> unknown = page.postForm("/projects/" + project + "/funders", Map.of("csrf", token,
        "organisation", "no-such-org"));
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("id=\"organisation-error\""), unknown.body());
    assertEquals(303, page.postForm("/projects/" + project + "/funders", Map.of("csrf", token, "organisation",
        "funder-c")).statusCode());
    assertTrue(page.get("/projects/" + project).body().contains("Funder C Trust"));
    PageSession worker = PageSession.signIn(server, projectMember.email(), CommunitySupport.PASSWORD);
    assertEquals(403, worker.postForm("/projects/" + project + "/funders", Map.of("csrf", worker.formToken(
        "/projects/" + project), "organisation", "funder-c")).statusCode(), "only coordinators name funders");

    HttpResponse<String> dashboard = funder.get("/impact/frameworks/" + framework);
    assertEquals(200, dashboard.statusCode(), "a funder sees the dashboards of the projects it funds");
    assertTrue(!dashboard.body().contains("/enter\"") && !dashboard.body().contains("/import\""),
        "funders are not offered data entry");
    assertEquals(403, funder.get("/impact/frameworks/" + framework + "/enter").statusCode());
  }

  static String base() {
    return "/community/impact/frameworks/" + framework;
  }

  /** No values at all: the aggregate is null, not zero. */
  private static void assertNoValues(String indicator, String unit) {
    HttpResponse<String> response = coordinator.api().get(base() + "/aggregate?indicator=" + indicator + "&orgUnit="
        + unit, "application/json");
    assertTrue(TestServer.json(response).get("value").isNull(), response.body());
  }

  private static void assertAggregate(String expected, String indicator, String unit, String more) {
    HttpResponse<String> response = coordinator.api().get(base() + "/aggregate?indicator=" + indicator + "&orgUnit="
        + unit + more, "application/json");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(0, new BigDecimal(expected).compareTo(TestServer.json(response).get("value").decimalValue()),
        indicator + " at " + unit + more + ": " + response.body());
  }

  static HttpResponse<String> value(TestServer as, String indicator, String period, String unit, String value) {
    return as.postJson(base() + "/values", "{\"indicator\": \"" + indicator + "\", \"period\": \"" + period
        + "\", \"orgUnit\": \"" + unit + "\", \"value\": " + value + "}");
  }

  static HttpResponse<String> importCsv(TestServer as, String csv, String mode) {
    return TestServer.send(as.authorised(HttpRequest.newBuilder(as.uri(base() + "/values/import?mode=" + mode))
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv))).build());
  }

  private static String unit(String code, String name, String level, String parent, String organisation) {
    return Json.writeString(Json.newObject().put("code", code).put("name", name).put("level", level)
        .put("parent", parent).put("organisation", organisation));
  }

  private static String result(String level, String title, String parent) {
    return created(coordinator.api().postJson(base() + "/results", Json.writeString(Json.newObject()
        .put("level", level).put("title", title).put("parentId", parent)))).get("id").asText();
  }

  private static void indicator(String body) {
    JsonNode json = Json.parse(body);
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("resultId", output);
    created(coordinator.api().postJson(base() + "/indicators", Json.writeString(json)));
  }

  private static JsonNode created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    return TestServer.json(response);
  }
}
