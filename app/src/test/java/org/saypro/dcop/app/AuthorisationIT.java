package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;

/**
 * Who may call what: every role against every protected endpoint, as a table; and the public endpoints stay public.
 * Organisation B issues as a DID of its own (set in the database); a SayPro credential moved to B's DID stands for
 * B's credentials.
 */
class AuthorisationIT {

  private static final String PASSWORD = "a long enough password";
  private static final String B_DID = "did:web:b.example:issuers:org-b";
  private static final int ALLOWED = -1; // authorised, whatever the outcome after that (not 401, 403 or 5xx)

  @TempDir static Path dataDir;
  static TestServer server;
  static final Map<String, TestServer> as = new LinkedHashMap<>();
  static String target; // a user whose role the matrix sets
  static String erasable; // a user whose personal data the matrix erases
  static String sayproCredential; // uuid
  static String sayproCredentialId;
  static String bCredential;
  static String bCredentialId;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dataDir);
    assertEquals(201, server.postJson("/organisations",
        "{\"slug\": \"org-b\", \"name\": \"Organisation B\", \"kind\": \"college\"}").statusCode());
    try (Connection sql = server.sql()) {
      sql.createStatement().executeUpdate("update organisation set issuer_did = '" + B_DID + "' where slug = 'org-b'");
    }
    as.put("anonymous", server.anonymous());
    as.put("learner", user("learner", null, null));
    as.put("member", user("member", "saypro", "member"));
    as.put("funder_viewer", user("funder", "saypro", "funder_viewer"));
    as.put("officer", user("officer", "saypro", "officer"));
    as.put("org_admin", user("orgadmin", "saypro", "org_admin"));
    as.put("officer_b", user("officer-b", "org-b", "officer"));
    as.put("platform_admin", server);
    target = json(server.postJson("/users", userBody("target", null, null))).get("id").asText();
    erasable = json(server.postJson("/users", userBody("erasable", null, null))).get("id").asText();
    assertEquals(201, server.postJson("/organisations/saypro/qualifications", qualification("AUTHZ")).statusCode());
    String[] a = issue();
    sayproCredential = a[0];
    sayproCredentialId = a[1];
    String[] b = issue();
    bCredential = b[0];
    bCredentialId = b[1];
    try (Connection sql = server.sql()) {
      sql.createStatement().executeUpdate(
          "update credential set issuer = '" + B_DID + "' where uuid = '" + bCredential + "'");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final AtomicInteger unique = new AtomicInteger();

  /** Each protected endpoint, called as someone. */
  private static final Map<String, Function<TestServer, HttpResponse<String>>> ENDPOINTS = new LinkedHashMap<>();

  static {
    ENDPOINTS.put("issue as SayPro", s -> s.postJson("/credentials/issue", s.issueRequest("Thandi")));
    ENDPOINTS.put("issue as B", s -> s.postJson("/credentials/issue",
        s.issueRequest("Thandi").replace(s.issuerDid(), B_DID)));
    ENDPOINTS.put("VC API status, SayPro's", s -> s.postJson("/credentials/status", vcStatus(sayproCredentialId)));
    ENDPOINTS.put("VC API status, B's", s -> s.postJson("/credentials/status", vcStatus(bCredentialId)));
    ENDPOINTS.put("officer status, SayPro's", s -> s.postJson("/credentials/" + sayproCredential + "/status",
        "{\"action\": \"suspend\", \"reason\": \"checking\"}"));
    ENDPOINTS.put("officer status, B's", s -> s.postJson("/credentials/" + bCredential + "/status",
        "{\"action\": \"suspend\", \"reason\": \"checking\"}"));
    ENDPOINTS.put("create organisation", s -> s.postJson("/organisations",
        "{\"slug\": \"org-" + unique.incrementAndGet() + "\", \"name\": \"Another\", \"kind\": \"employer\"}"));
    ENDPOINTS.put("create user in SayPro", s -> s.postJson("/users",
        userBody("new-" + unique.incrementAndGet(), "saypro", "member")));
    ENDPOINTS.put("create learner", s -> s.postJson("/users", userBody("new-" + unique.incrementAndGet(), null, null)));
    ENDPOINTS.put("set role in SayPro", s -> s.putJson("/organisations/saypro/members/" + target,
        "{\"role\": \"member\"}"));
    ENDPOINTS.put("set role in B", s -> s.putJson("/organisations/org-b/members/" + target,
        "{\"role\": \"member\"}"));
    ENDPOINTS.put("SayPro's audit", s -> s.get("/organisations/saypro/audit", "application/json"));
    ENDPOINTS.put("B's audit", s -> s.get("/organisations/org-b/audit", "application/json"));
    ENDPOINTS.put("create API token", s -> s.postJson("/me/tokens", "{\"name\": \"ci\"}"));
    ENDPOINTS.put("list API tokens", s -> s.get("/me/tokens", "application/json"));
    ENDPOINTS.put("me", s -> s.get("/me", "application/json"));
    ENDPOINTS.put("my credentials", s -> s.get("/me/credentials", "application/json"));
    ENDPOINTS.put("my personal data", s -> s.get("/me/personal-data", "application/json"));
    ENDPOINTS.put("my e-mail consent", s -> s.get("/me/email-consent", "application/json"));
    ENDPOINTS.put("erase another member", s -> s.postJson("/users/" + erasable + "/erasure", ""));
    ENDPOINTS.put("add SayPro qualification", s -> s.postJson("/organisations/saypro/qualifications",
        qualification("Q" + unique.incrementAndGet())));
    ENDPOINTS.put("add B qualification", s -> s.postJson("/organisations/org-b/qualifications",
        qualification("Q" + unique.incrementAndGet())));
    ENDPOINTS.put("award SayPro qualification", s -> s.postJson("/organisations/saypro/qualifications/AUTHZ/awards",
        "{\"learner\": {\"email\": \"learner" + unique.incrementAndGet() + "@example.org\"}}"));
    ENDPOINTS.put("bulk check SayPro", s -> TestServer.send(s.authorised(java.net.http.HttpRequest.newBuilder(
            s.uri("/organisations/saypro/qualifications/AUTHZ/bulk?mode=validate"))
        .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "email\nbulk@example.org\n"))).build()));
    ENDPOINTS.put("framework mapping", s -> s.postJson("/framework-mappings",
        "{\"fromFramework\": \"NQF\", \"fromCode\": \"" + unique.incrementAndGet()
            + "\", \"toFramework\": \"SADCQF\", \"toCode\": \"5\", \"relation\": \"comparable\"}"));
    ENDPOINTS.put("rotate SayPro keys", s -> s.postJson("/organisations/saypro/keys/rotate", ""));
    ENDPOINTS.put("revoke SayPro key", s -> s.postJson("/organisations/saypro/keys/no-such-key/revoke", ""));
  }

  /**
   * Expected statuses, one column per caller: anonymous, learner, member, funder_viewer, officer (SayPro), org_admin
   * (SayPro), officer_b (organisation B), platform_admin.
   */
  private static final Object[][] MATRIX = {
      {"issue as SayPro",            401, 403, 403, 403, 201, 201, 403, 201},
      // B has no keys here yet: authorised callers reach validation (or, once B signs, issuance)
      {"issue as B",                 401, 403, 403, 403, 403, 403, ALLOWED, ALLOWED},
      {"VC API status, SayPro's",    401, 403, 403, 403, 200, 200, 403, 200},
      {"VC API status, B's",         401, 403, 403, 403, 403, 403, 200, 200},
      {"officer status, SayPro's",   401, 403, 403, 403, 200, 200, 403, 200},
      {"officer status, B's",        401, 403, 403, 403, 403, 403, 200, 200},
      {"create organisation",        401, 403, 403, 403, 403, 403, 403, 201},
      {"create user in SayPro",      401, 403, 403, 403, 403, 201, 403, 201},
      {"create learner",             401, 403, 403, 403, 403, 403, 403, 201},
      {"set role in SayPro",         401, 403, 403, 403, 403, 200, 403, 200},
      {"set role in B",              401, 403, 403, 403, 403, 403, 403, 200},
      {"SayPro's audit",             401, 403, 403, 403, 403, 200, 403, 200},
      {"B's audit",                  401, 403, 403, 403, 403, 403, 403, 200},
      {"create API token",           401, 201, 201, 201, 201, 201, 201, 201},
      {"list API tokens",            401, 200, 200, 200, 200, 200, 200, 200},
      {"me",                         401, 200, 200, 200, 200, 200, 200, 200},
      {"my credentials",             401, 200, 200, 200, 200, 200, 200, 200},
      {"my personal data",           401, 200, 200, 200, 200, 200, 200, 200},
      {"my e-mail consent",          401, 200, 200, 200, 200, 200, 200, 200},
      // only platform admins erase others (a member erases themselves at /me/erasure, with their password)
      {"erase another member",       401, 403, 403, 403, 403, 403, 403, 204},
      {"add SayPro qualification",   401, 403, 403, 403, 201, 201, 403, 201},
      {"add B qualification",        401, 403, 403, 403, 403, 403, 201, 201},
      {"award SayPro qualification", 401, 403, 403, 403, 201, 201, 403, 201},
      {"bulk check SayPro",          401, 403, 403, 403, 200, 200, 403, 200},
      // SayPro counts as an accreditation body; organisation B is a college
      {"framework mapping",          401, 403, 403, 403, 201, 201, 403, 201},
      {"rotate SayPro keys",         401, 403, 403, 403, 403, 200, 403, 200},
      // admins get past authorisation to the 404 of an unknown key
      {"revoke SayPro key",          401, 403, 403, 403, 403, 404, 403, 404},
  };

  private static String qualification(String code) {
    return "{\"code\": \"" + code + "\", \"title\": \"T\", \"description\": \"D\", \"criteria\": \"C\"}";
  }

  @Test
  void everyRoleAgainstEveryProtectedEndpoint() {
    assertEquals(ENDPOINTS.keySet(), java.util.Arrays.stream(MATRIX).map(row -> row[0]).collect(
        java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)), "every endpoint has a row");
    List<String> callers = new ArrayList<>(as.keySet());
    List<String> wrong = new ArrayList<>();
    for (Object[] row : MATRIX) {
      String endpoint = (String) row[0];
      for (int i = 0; i < callers.size(); i++) {
        int expected = (Integer) row[i + 1];
        HttpResponse<String> response = ENDPOINTS.get(endpoint).apply(as.get(callers.get(i)));
        int actual = response.statusCode();
        boolean ok = expected == ALLOWED ? actual != 401 && actual != 403 && actual < 500 : actual == expected;
        if (!ok) {
          wrong.add(endpoint + " as " + callers.get(i) + ": expected " + (expected == ALLOWED ? "allowed" : expected)
              + ", got " + actual + " " + response.body());
        }
        if (actual == 401 || actual == 403) {
          assertEquals(StatusClient.PROBLEM, response.headers().firstValue("Content-Type").orElse(""),
              endpoint + " as " + callers.get(i));
          assertTrue(json(response).get("type").asText().endsWith(actual == 401 ? "/unauthorized" : "/forbidden"));
        }
        if (actual == 401) {
          assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void aRefusedIssuanceSignsNothing() throws Exception {
    long before = credentials();
    HttpResponse<String> response = as.get("officer").postJson("/credentials/issue",
        server.issueRequest("Thandi").replace(server.issuerDid(), B_DID));
    assertEquals(403, response.statusCode());
    response = as.get("officer_b").postJson("/credentials/issue", server.issueRequest("Thandi"));
    assertEquals(403, response.statusCode());
    assertEquals(before, credentials());
  }

  @Test
  void idempotencyKeysBelongToTheirCaller() {
    Map<String, String> key = Map.of("Idempotency-Key", "shared-" + unique.incrementAndGet());
    HttpResponse<String> first = server.postJson("/credentials/issue", server.issueRequest("Thandi"), key);
    assertEquals(201, first.statusCode(), first.body());
    // another caller's request under the same key is neither refused as a reuse nor answered with the first one
    HttpResponse<String> second = as.get("officer").postJson("/credentials/issue", server.issueRequest("Sipho"), key);
    assertEquals(201, second.statusCode(), second.body());
    assertEquals("false", second.headers().firstValue("Idempotent-Replayed").orElse("false"));
  }

  @Test
  void publicEndpointsStayPublic() {
    TestServer anonymous = server.anonymous();
    assertEquals(200, anonymous.get("/.well-known/did.json", "application/json").statusCode());
    assertEquals(200, anonymous.get("/credentials/" + sayproCredential, "application/json").statusCode());
    assertEquals(200, anonymous.get("/credentials/" + sayproCredential + "/status", "application/json").statusCode());
    assertEquals(200, anonymous.get("/health", "application/json").statusCode());
    assertEquals(200, anonymous.get("/organisations", "application/json").statusCode());
    assertEquals(200, anonymous.get("/organisations/saypro", "application/json").statusCode());
    assertEquals(200, anonymous.get("/status/revocation-1", "application/vc").statusCode());
    assertEquals(200, anonymous.get("/api-docs/index.html", "text/html").statusCode());
    assertTrue(anonymous.postJson("/challenges", "{}").statusCode() < 300);
    JsonNode credential = json(anonymous.get("/credentials/" + sayproCredential, "application/json"));
    HttpResponse<String> verify = anonymous.postJson("/credentials/verify", TestServer.verifyRequest(credential));
    assertEquals(200, verify.statusCode(), verify.body());
    // a bad token on a public endpoint is ignored, not refused
    assertEquals(200, server.as("not-a-token").get("/organisations", "application/json").statusCode());
  }

  private static long credentials() throws Exception {
    try (Connection sql = server.sql(); ResultSet r = sql.createStatement().executeQuery("select count(*) from credential")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static TestServer user(String name, String organisation, String role) {
    HttpResponse<String> created = server.postJson("/users", userBody(name, organisation, role));
    assertEquals(201, created.statusCode(), created.body());
    return server.as(server.signIn(name + "@test.example", PASSWORD));
  }

  private static String userBody(String name, String organisation, String role) {
    var body = Json.newObject().put("email", name + "@test.example").put("displayName", name)
        .put("password", PASSWORD);
    if (organisation != null) {
      body.put("organisation", organisation).put("role", role);
    }
    return Json.writeString(body);
  }

  private static String[] issue() {
    HttpResponse<String> issued = server.postJson("/credentials/issue", server.issueRequest("Thandi"));
    assertEquals(201, issued.statusCode(), issued.body());
    String location = issued.headers().firstValue("Location").orElseThrow();
    String uuid = location.substring(location.lastIndexOf('/') + 1);
    return new String[] {uuid, credentialId(uuid)};
  }

  private static String credentialId(String uuid) {
    try (Connection sql = server.sql();
        ResultSet r = sql.createStatement().executeQuery(
            "select credential_id from credential where uuid = '" + UUID.fromString(uuid) + "'")) {
      r.next();
      return r.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String vcStatus(String credentialId) {
    return "{\"credentialId\": \"" + credentialId + "\", \"credentialStatus\": [{\"type\":"
        + " \"BitstringStatusListEntry\", \"status\": \"suspended\"}]}";
  }

  private static JsonNode json(HttpResponse<String> response) {
    return TestServer.json(response);
  }
}
