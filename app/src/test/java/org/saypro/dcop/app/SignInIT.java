package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;

/** Sign-in, its rate limit, personal API tokens, and the audit log they and the issuer write. */
class SignInIT {

  @TempDir static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void signingInGivesAWorkingBearerToken() {
    HttpResponse<String> login = login(TestServer.ADMIN_EMAIL.toUpperCase(), TestServer.ADMIN_PASSWORD);
    assertEquals(200, login.statusCode(), login.body());
    JsonNode body = TestServer.json(login);
    assertEquals("Bearer", body.get("token_type").asText());
    assertEquals(3600, body.get("expires_in").asInt());
    String[] jwt = body.get("access_token").asText().split("\\.");
    JsonNode header = Json.parse(java.util.Base64.getUrlDecoder().decode(jwt[0]));
    assertEquals("HS256", header.get("alg").asText(), header.toString());
    JsonNode me = TestServer.json(server.as(body.get("access_token").asText()).get("/me", "application/json"));
    assertEquals(TestServer.ADMIN_EMAIL, me.get("email").asText());
    assertTrue(me.get("platformAdmin").asBoolean());
    assertEquals("saypro", me.get("memberships").get(0).get("organisation").asText());
    assertEquals("org_admin", me.get("memberships").get(0).get("role").asText());
  }

  @Test
  void wrongPasswordIs401ProblemJson() {
    HttpResponse<String> login = login(TestServer.ADMIN_EMAIL, "not the password");
    assertUnauthorized(login);
    assertFalse(login.body().contains("not the password"));
    assertUnauthorized(login("nobody@test.example", "whatever it is"));
  }

  @Test
  void withoutOrWithABadTokenIs401() {
    assertUnauthorized(server.anonymous().get("/me", "application/json"));
    assertUnauthorized(server.as("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/me", "application/json"));
    assertUnauthorized(server.as("dcop_pat_guessed").get("/me", "application/json"));
    // the admin's own token with its payload swapped for an unsigned one ("alg": "none") is refused
    String[] parts = server.token().split("\\.");
    String none = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertUnauthorized(server.as(none + "." + parts[1] + ".").get("/me", "application/json"));
    // and so is one whose signature does not match
    assertUnauthorized(server.as(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA" + parts[2]
        .substring(14)).get("/me", "application/json"));
  }

  @Test
  void repeatedFailuresAreRateLimited() {
    createUser("limited@test.example", null);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login("limited@test.example", "wrong password " + i).statusCode());
    }
    HttpResponse<String> limited = login("limited@test.example", "a long enough password");
    assertEquals(429, limited.statusCode(), limited.body());
    assertEquals(StatusClient.PROBLEM, limited.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(TestServer.json(limited).get("type").asText().endsWith("/too-many-requests"));
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 800 && retryAfter <= 901, "about 15 minutes: " + retryAfter);
  }

  @Test
  void apiTokensWorkUntilRevokedAndAreStoredHashed() throws SQLException {
    HttpResponse<String> created = server.postJson("/me/tokens", "{\"name\": \"smoke\"}");
    assertEquals(201, created.statusCode(), created.body());
    String token = TestServer.json(created).get("token").asText();
    String id = TestServer.json(created).get("id").asText();
    assertTrue(token.startsWith("dcop_pat_") && token.length() > 40);
    TestServer withToken = server.as(token);
    assertEquals(200, withToken.get("/me", "application/json").statusCode());
    assertEquals(201, withToken.postJson("/credentials/issue", server.issueRequest("Token")).statusCode());
    JsonNode listed = TestServer.json(server.get("/me/tokens", "application/json")).get("tokens");
    assertFalse(listed.toString().contains(token.substring(9)), "a token is shown once");
    try (Connection sql = server.sql();
        ResultSet rows = sql.createStatement().executeQuery("select t::text, encode(token_sha256, 'hex') from api_token t")) {
      while (rows.next()) {
        assertFalse(rows.getString(1).contains(token.substring(9)), "no plaintext token in the database");
      }
    }
    assertEquals(204, server.delete("/me/tokens/" + id).statusCode());
    assertUnauthorized(withToken.get("/me", "application/json"));
    assertEquals(404, server.delete("/me/tokens/" + id).statusCode());
  }

  @Test
  void theAuditLogRecordsSignInIssuanceStatusAndRoles() throws SQLException {
    String userId = createUser("audited@test.example", null);
    assertEquals(200, server.putJson("/organisations/saypro/members/" + userId, "{\"role\": \"officer\"}")
        .statusCode());
    TestServer officer = server.as(server.signIn("audited@test.example", "a long enough password"));
    HttpResponse<String> issued = officer.postJson("/credentials/issue", server.issueRequest("Audited"));
    assertEquals(201, issued.statusCode(), issued.body());
    String location = issued.headers().firstValue("Location").orElseThrow();
    String uuid = location.substring(location.lastIndexOf('/') + 1);
    assertEquals(200, officer.postJson("/credentials/" + uuid + "/status",
        "{\"action\": \"revoke\", \"reason\": \"issued in error\"}").statusCode());

    JsonNode events = TestServer.json(server.get("/organisations/saypro/audit?limit=200", "application/json"))
        .get("events");
    List<String> mine = new ArrayList<>();
    events.forEach(e -> {
      if (e.get("actor").asText().equals(userId) || userId.equals(e.path("subject").asText())) {
        mine.add(e.get("action").asText());
      }
    });
    assertTrue(mine.containsAll(List.of("role.changed", "credential.issued", "status.changed")), mine.toString());
    try (Connection sql = server.sql();
        ResultSet r = sql.createStatement().executeQuery(
            "select count(*) from audit_event where action = 'sign-in' and actor = '" + userId + "'")) {
      r.next();
      assertEquals(1, r.getInt(1));
    }
    // the status change names the signed-in officer
    try (Connection sql = server.sql();
        ResultSet r = sql.createStatement().executeQuery(
            "select actor from status_change where credential_uuid = '" + uuid + "'")) {
      assertTrue(r.next());
      assertEquals(userId, r.getString(1));
    }
  }

  @Test
  void theAuditLogIsAppendOnlyInTheDatabase() throws SQLException {
    login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    try (Connection sql = server.sql()) {
      for (String statement : List.of("update audit_event set actor = 'someone else'", "delete from audit_event",
          "truncate audit_event")) {
        SQLException refused = assertThrows(SQLException.class, () -> sql.createStatement().executeUpdate(statement));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
      }
    }
  }

  private static String createUser(String email, String organisation) {
    var body = Json.newObject().put("email", email).put("displayName", "Someone")
        .put("password", "a long enough password");
    if (organisation != null) {
      body.put("organisation", organisation);
    }
    HttpResponse<String> created = server.postJson("/users", Json.writeString(body));
    assertEquals(201, created.statusCode(), created.body());
    return TestServer.json(created).get("id").asText();
  }

  private static HttpResponse<String> login(String username, String password) {
    return server.anonymous().postJson("/login",
        Json.writeString(Json.newObject().put("username", username).put("password", password)));
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertEquals(401, response.statusCode(), response.body());
    assertEquals(StatusClient.PROBLEM, response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertTrue(TestServer.json(response).get("type").asText().endsWith("/unauthorized"), response.body());
  }
}
