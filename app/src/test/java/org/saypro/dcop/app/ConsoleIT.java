package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;

/**
 * The officer console over HTTP as a browser uses it: the sign-in form and session cookie, form tokens, every role
 * against every page, an award, a bulk upload with its row report, revocation from the issued list, the audit page,
 * and credential content shown as text.
 */
class ConsoleIT {

  private static final String PASSWORD = "a long enough password";
  private static final String CODE = "CONSOLE-1";
  private static final String HOSTILE_TITLE = "<script>alert('pwned')</script> Certificate";

  @TempDir static Path dataDir;
  static TestServer server;
  static final Map<String, PageSession> as = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    assertEquals(201, server.postJson("/organisations",
        "{\"slug\": \"org-b\", \"name\": \"Organisation B\", \"kind\": \"college\"}").statusCode());
    assertEquals(201, server.postJson("/organisations/saypro/qualifications", Json.writeString(Json.newObject()
        .put("code", CODE).put("title", HOSTILE_TITLE).put("description", "D").put("criteria", "C"))).statusCode());
    as.put("anonymous", PageSession.visitor(server));
    as.put("learner", user("learner", null, null));
    as.put("member", user("member", "saypro", "member"));
    as.put("officer", user("officer", "saypro", "officer"));
    as.put("org_admin", user("orgadmin", "saypro", "org_admin"));
    as.put("officer_b", user("officer-b", "org-b", "officer"));
    as.put("platform_admin", PageSession.signIn(server, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final int SIGN_IN = 303;

  /** Pages, then one column per caller: anonymous, learner, member, officer, org_admin, officer_b, platform_admin. */
  private static final Object[][] PAGES = {
      {"/console",                                             SIGN_IN, 200, 200, 200, 200, 200, 200},
      {"/console/saypro",                                      SIGN_IN, 403, 403, 200, 200, 403, 200},
      {"/console/saypro/qualifications/" + CODE + "/award",    SIGN_IN, 403, 403, 200, 200, 403, 200},
      {"/console/saypro/qualifications/" + CODE + "/bulk",     SIGN_IN, 403, 403, 200, 200, 403, 200},
      {"/console/saypro/credentials",                          SIGN_IN, 403, 403, 200, 200, 403, 200},
      {"/console/saypro/audit",                                SIGN_IN, 403, 403, 403, 200, 403, 200},
      {"/console/org-b",                                       SIGN_IN, 403, 403, 403, 403, 200, 200},
      {"/console/org-b/audit",                                 SIGN_IN, 403, 403, 403, 403, 403, 200},
  };

  @Test
  void everyRoleAgainstEveryPage() {
    List<String> callers = new ArrayList<>(as.keySet());
    List<String> wrong = new ArrayList<>();
    for (Object[] row : PAGES) {
      for (int i = 0; i < callers.size(); i++) {
        HttpResponse<String> page = as.get(callers.get(i)).get((String) row[0]);
        if (page.statusCode() != (Integer) row[i + 1]) {
          wrong.add(row[0] + " as " + callers.get(i) + ": expected " + row[i + 1] + ", got " + page.statusCode());
        }
        if (page.statusCode() == SIGN_IN) {
          assertTrue(page.headers().firstValue("Location").orElse("").startsWith("/signin?next=%2Fconsole"));
        }
        if (page.statusCode() == 403) {
          assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
          assertTrue(page.body().contains("Not allowed"), page.body());
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void signingInGivesAStrictHttpOnlySessionAndSigningOutEndsIt() {
    HttpResponse<String> refused = PageSession.visitor(server).postForm("/signin",
        Map.of("username", "officer@test.example", "password", "wrong password"));
    assertEquals(401, refused.statusCode());
    assertTrue(refused.body().contains("The e-mail address or the password is wrong."));
    assertTrue(PageSession.setCookie(refused).isEmpty());

    HttpResponse<String> signedIn = PageSession.visitor(server).postForm("/signin",
        Map.of("username", "officer@test.example", "password", PASSWORD, "next", "https://evil.example/"));
    assertEquals(303, signedIn.statusCode());
    assertEquals("/console", signedIn.headers().firstValue("Location").orElseThrow(), "no off-site return");
    String cookie = PageSession.setCookie(signedIn).orElseThrow();
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);

    PageSession officer = as.get("officer");
    HttpResponse<String> forged = officer.postForm("/signout", Map.of("csrf", "forged"));
    assertEquals(403, forged.statusCode());
    HttpResponse<String> out = officer.postForm("/signout", Map.of("csrf", officer.formToken("/console")));
    assertEquals(303, out.statusCode());
    assertTrue(PageSession.setCookie(out).orElseThrow().contains("Max-Age=0"));
  }

  @Test
  void pagesForbidScriptsAndFraming() {
    HttpResponse<String> page = as.get("officer").get("/console/saypro");
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), policy);
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void credentialContentIsShownAsText() {
    String page = as.get("officer").get("/console/saypro").body();
    assertFalse(page.contains("<script>alert"), "the title must be escaped");
    assertTrue(page.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; Certificate"), page);
  }

  @Test
  void anAwardNeedsTheFormTokenAndIsMadeOnce() throws Exception {
    PageSession officer = as.get("officer");
    String path = "/console/saypro/qualifications/" + CODE + "/award";
    long before = count("credential");
    HttpResponse<String> forged = officer.postForm(path, Map.of("learner", "lindiwe@example.org"));
    assertEquals(403, forged.statusCode());
    assertTrue(forged.body().contains("form has expired"), forged.body());
    assertEquals(before, count("credential"), "a refused form writes nothing");

    String token = officer.formToken(path);
    HttpResponse<String> invalid = officer.postForm(path, Map.of("csrf", token, "learner", "not an address",
        "valid_from", "23/11/2026"));
    assertEquals(400, invalid.statusCode());
    assertTrue(invalid.body().contains("not an email address"), invalid.body());
    assertTrue(invalid.body().contains("Enter a date as 2026-11-23"), invalid.body());

    HttpResponse<String> awarded = officer.postForm(path, Map.of("csrf", token, "learner", "lindiwe@example.org",
        "name", "Lindiwe Dlamini", "valid_from", "2026-11-01"));
    assertEquals(200, awarded.statusCode(), awarded.body());
    assertTrue(awarded.body().contains("is awarded to"), awarded.body());
    assertEquals(before + 1, count("credential"));
    HttpResponse<String> again = officer.postForm(path, Map.of("csrf", token, "learner", "lindiwe@example.org",
        "name", "Lindiwe Dlamini", "valid_from", "2026-11-01"));
    assertTrue(again.body().contains("Already awarded"), again.body());
    assertEquals(before + 1, count("credential"));

    HttpResponse<String> otherOrganisation = as.get("officer_b").postForm(path,
        Map.of("csrf", as.get("officer_b").formToken("/console"), "learner", "x@example.org"));
    assertEquals(403, otherOrganisation.statusCode());
    assertEquals(before + 1, count("credential"));
  }

  @Test
  void aBulkUploadReportsEveryBadRowAndIssuesOnlyWhenAsked() throws Exception {
    PageSession officer = as.get("officer");
    String path = "/console/saypro/qualifications/" + CODE + "/bulk";
    String token = officer.formToken(path);
    byte[] csv = "email,name\nsipho@example.org,Sipho\nnot-an-email,Bad\nthabo@example.org,Thabo\n"
        .getBytes(StandardCharsets.UTF_8);
    long before = count("credential");

    HttpResponse<String> refused = officer.postFile(path, Map.of("csrf", token, "mode", "issue"), "cohort.csv", csv);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Nothing was issued"), refused.body());
    assertTrue(refused.body().matches("(?s).*<td>3</td><td>email</td>.*"), "line 3, column email is reported");
    assertEquals(before, count("credential"));

    HttpResponse<String> valid = officer.postFile(path, Map.of("csrf", token, "mode", "issue-valid"), "cohort.csv",
        csv);
    assertEquals(200, valid.statusCode(), valid.body());
    assertTrue(valid.body().contains("<span>2</span> issued now"), valid.body());
    assertEquals(before + 2, count("credential"));

    HttpResponse<String> forged = officer.postFile(path, Map.of("csrf", "x", "mode", "issue-valid"), "c.csv", csv);
    assertEquals(403, forged.statusCode());
  }

  @Test
  void anOfficerFindsAndRevokesACredentialAndTheAdminSeesItInTheAudit() {
    PageSession officer = as.get("officer");
    String award = "/console/saypro/qualifications/" + CODE + "/award";
    officer.postForm(award, Map.of("csrf", officer.formToken(award), "learner", "naledi@example.org"));

    HttpResponse<String> found = officer.get("/console/saypro/credentials?q=naledi%40example");
    assertEquals(200, found.statusCode());
    Matcher uuid = Pattern.compile("/credentials/([0-9a-f-]{36})/status").matcher(found.body());
    assertTrue(uuid.find(), found.body());
    assertFalse(uuid.find(), "the search finds one credential");
    assertFalse(officer.get("/console/saypro/credentials?q=nobody-like-this").body().contains("/status\""));
    uuid.reset();
    uuid.find();
    String credential = uuid.group(1);

    String action = "/console/saypro/credentials/" + credential + "/status";
    String token = officer.formToken("/console/saypro/credentials");
    assertEquals(400, officer.postForm(action, Map.of("csrf", token, "action", "revoke")).statusCode(),
        "a reason is required");
    assertEquals(403, as.get("officer_b").postForm(action,
        Map.of("csrf", as.get("officer_b").formToken("/console"), "action", "revoke", "reason", "x")).statusCode());
    HttpResponse<String> revoked = officer.postForm(action,
        Map.of("csrf", token, "action", "revoke", "reason", "issued in error"));
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertTrue(revoked.body().contains("now revoked"), revoked.body());
    assertEquals("revoked", TestServer.json(server.anonymous().get("/credentials/" + credential + "/status",
        "application/json")).get("status").asText());
    assertEquals(409, officer.postForm(action, Map.of("csrf", token, "action", "reinstate", "reason", "oops"))
        .statusCode(), "revocation is final");

    String audit = as.get("org_admin").get("/console/saypro/audit").body();
    assertTrue(audit.contains("officer@test.example"), "actors are shown by e-mail address");
    assertTrue(audit.contains("issued in error"), audit);
  }

  private static long count(String table) throws Exception {
    try (Connection sql = server.sql(); ResultSet r = sql.createStatement().executeQuery("select count(*) from "
        + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static PageSession user(String name, String organisation, String role) {
    var body = Json.newObject().put("email", name + "@test.example").put("displayName", name)
        .put("password", PASSWORD);
    if (organisation != null) {
      body.put("organisation", organisation).put("role", role);
    }
    HttpResponse<String> created = server.postJson("/users", Json.writeString(body));
    assertEquals(201, created.statusCode(), created.body());
    return PageSession.signIn(server, name + "@test.example", PASSWORD);
  }
}
