package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.StatusClient.Issued;
import org.saypro.dcop.app.StatusClient.PublishedList;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.status.BitstringStatusListEntry;

/**
 * Revocation and suspension end to end, against the real server and database: the entries issued credentials carry,
 * the signed lists served for them (decoded with credential-core, as a verifier would), status changes and their
 * audit and log rows, conditional GETs, concurrency on one list, and every refused request writing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusListIT {

  private static final int LIST_SIZE = 131_072;
  private static final String REVOCATION_LIST = "revocation-1";
  private static final String SUSPENSION_LIST = "suspension-1";
  /** Not the default (5m), so the headers are seen to follow the setting. */
  private static final String TTL = "7m";
  private static final long TTL_SECONDS = 420;

  @TempDir static Path dataDir;
  private TestServer server;
  private StatusClient status;

  @BeforeAll
  void start() {
    server = TestServer.start(dataDir, TestServer.freePort(), Map.of("dcop.status.ttl", TTL));
    status = new StatusClient(server);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String listUrl(String listId) {
    return server.uri("/status/" + listId).toString();
  }

  @Test
  void anIssuedCredentialCarriesARevocationAndASuspensionEntry() {
    Issued issued = status.issueCredential("Thandi");
    JsonNode credentialStatus = issued.credential().get("credentialStatus");
    assertTrue(credentialStatus.isArray() && credentialStatus.size() == 2, credentialStatus.toString());

    BitstringStatusListEntry revocation = issued.entry("revocation");
    BitstringStatusListEntry suspension = issued.entry("suspension");
    assertEquals(listUrl(REVOCATION_LIST), revocation.statusListCredential());
    assertEquals(listUrl(SUSPENSION_LIST), suspension.statusListCredential());
    for (String purpose : List.of("revocation", "suspension")) {
      int index = issued.index(purpose);
      assertTrue(index >= 0 && index < LIST_SIZE, purpose + " index " + index);
      assertEquals(1, issued.entry(purpose).statusSize());
      assertEquals(Optional.of(issued.entry(purpose).statusListCredential() + "#" + index), issued.entry(purpose).id());
    }

    JsonNode current = status.currentStatus(issued.uuid());
    assertEquals("active", current.get("status").asText());
    assertTrue(current.get("suspendable").asBoolean());
  }

  @Test
  void aBadgeCarriesOneRevocationEntryObject() {
    Issued badge = status.issueBadge("Digital Learning facilitator");
    JsonNode credentialStatus = badge.credential().get("credentialStatus");
    assertTrue(credentialStatus.isObject(), "Open Badges 3.0 allows one status object: " + credentialStatus);
    assertEquals(1, badge.entries().size());
    assertEquals(listUrl(REVOCATION_LIST), badge.entry("revocation").statusListCredential());
    assertTrue(badge.index("revocation") < LIST_SIZE);

    JsonNode current = status.currentStatus(badge.uuid());
    assertEquals("active", current.get("status").asText());
    assertFalse(current.get("suspendable").asBoolean());
  }

  @Test
  void theListIsServedSignedAsJsonAndAsVcJwtWithTheSameBits() {
    Issued issued = status.issueCredential("Sipho");
    PublishedList json = status.list(REVOCATION_LIST);
    PublishedList jwt = status.listAsJwt(REVOCATION_LIST);

    assertEquals("application/vc", json.response().headers().firstValue("Content-Type").orElseThrow());
    assertEquals("application/vc+jwt", jwt.response().headers().firstValue("Content-Type").orElseThrow());
    assertEquals(LIST_SIZE, json.bits().length());
    assertEquals(json.bits(), jwt.bits(), "both forms carry the same list");
    assertFalse(json.bits().get(issued.index("revocation")), "a new credential's bit is 0");

    for (PublishedList form : List.of(json, jwt)) {
      JsonNode credential = form.credential();
      assertEquals(listUrl(REVOCATION_LIST), credential.get("id").asText());
      assertEquals(server.issuerDid(), credential.get("issuer").asText());
      assertTrue(credential.get("type").toString().contains("BitstringStatusListCredential"));
      JsonNode subject = credential.get("credentialSubject");
      assertEquals("revocation", subject.get("statusPurpose").asText());
      assertEquals(TTL_SECONDS * 1000, subject.get("ttl").asLong(), "ttl (ms) is the configured one");
    }
    assertEquals("eddsa-rdfc-2022", json.credential().get("proof").get("cryptosuite").asText());
    assertEquals("vc+jwt", StatusClient.jwtHeader(jwt.response().body()).get("typ").asText());

    // both signatures hold, as the server's own verifier sees them
    for (JsonNode secured : List.of(json.credential(), Json.mapper().getNodeFactory().textNode(jwt.response().body()))) {
      HttpResponse<String> report = server.postJson("/credentials/verify", TestServer.verifyRequest(secured));
      assertEquals(200, report.statusCode(), report.body());
      assertEquals("passed", TestServer.status(TestServer.json(report), "signature"), report.body());
    }

    // ?format= picks the form too; '+' in a query means a space, so vc+jwt is sent encoded
    HttpResponse<String> byQuery = status.getList("/status/" + REVOCATION_LIST + "?format=vc%2Bjwt", Map.of());
    assertEquals(200, byQuery.statusCode(), byQuery.body());
    assertEquals(jwt.response().body(), byQuery.body());
    HttpResponse<String> typedAsDocumented = status.getList("/status/" + REVOCATION_LIST + "?format=vc+jwt", Map.of());
    assertEquals(200, typedAsDocumented.statusCode(), typedAsDocumented.body());
    assertEquals(jwt.response().body(), typedAsDocumented.body());
  }

  @Test
  void conditionalGetsAnswer304UntilTheListChanges() {
    Issued issued = status.issueCredential("Lerato");
    PublishedList before = status.list(REVOCATION_LIST);
    String etag = before.etag();
    assertEquals("public, max-age=" + TTL_SECONDS, before.response().headers().firstValue("Cache-Control").orElseThrow());
    assertNotEquals(etag, status.listAsJwt(REVOCATION_LIST).etag(), "each form has its own ETag");

    HttpResponse<String> notModified = status.getList("/status/" + REVOCATION_LIST, Map.of("If-None-Match", etag));
    assertEquals(304, notModified.statusCode());
    assertEquals("", notModified.body());
    assertEquals(etag, notModified.headers().firstValue("ETag").orElseThrow());
    // If-None-Match compares weakly (RFC 9110): a weakened tag, one of several, or * also match
    for (String tags : List.of("W/" + etag, "\"other\", " + etag, "*")) {
      assertEquals(304, status.getList("/status/" + REVOCATION_LIST, Map.of("If-None-Match", tags)).statusCode(), tags);
    }

    assertEquals(200, status.officer(issued.uuid(), "revoke", "issued in error").statusCode());

    HttpResponse<String> changed = status.getList("/status/" + REVOCATION_LIST, Map.of("If-None-Match", etag));
    assertEquals(200, changed.statusCode(), "the old ETag no longer matches");
    PublishedList after = status.list(REVOCATION_LIST);
    assertNotEquals(etag, after.etag());
    assertEquals(after.etag(), changed.headers().firstValue("ETag").orElseThrow());
    assertEquals(after.response().body(), changed.body());
    assertTrue(after.bits().get(issued.index("revocation")), "the revoked credential's bit is 1");
    assertFalse(before.bits().get(issued.index("revocation")));
  }

  @Test
  void revokingSetsTheBitInBothForms() {
    Issued issued = status.issueCredential("Naledi");
    int index = issued.index("revocation");
    assertFalse(status.list(REVOCATION_LIST).bits().get(index));

    HttpResponse<String> revoked = status.officer(issued.uuid(), "revoke", "certificate withdrawn");
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertEquals("revoked", TestServer.json(revoked).get("status").asText());

    PublishedList list = status.list(REVOCATION_LIST);
    assertTrue(list.bits().get(index));
    // read by hand as well: the specification's index 0 is the left-most (most significant) bit of the first byte
    byte[] bytes = list.bits().toByteArray();
    assertEquals(1, (bytes[index / 8] >> (7 - index % 8)) & 1, "bit " + index + " read by hand");
    assertTrue(status.listAsJwt(REVOCATION_LIST).bits().get(index));
    assertFalse(status.list(SUSPENSION_LIST).bits().get(issued.index("suspension")), "revoking does not suspend");
    JsonNode current = status.currentStatus(issued.uuid());
    assertEquals("revoked", current.get("status").asText());
    assertTrue(current.has("revokedAt"));
  }

  @Test
  void suspendingAndReinstatingFlipTheSuspensionBit() {
    Issued issued = status.issueCredential("Ayanda");
    int index = issued.index("suspension");

    assertEquals(200, status.officer(issued.uuid(), "suspend", "under review").statusCode());
    assertTrue(status.list(SUSPENSION_LIST).bits().get(index));
    assertFalse(status.list(REVOCATION_LIST).bits().get(issued.index("revocation")));
    assertEquals("suspended", status.currentStatus(issued.uuid()).get("status").asText());

    assertEquals(200, status.officer(issued.uuid(), "reinstate", "review closed").statusCode());
    assertFalse(status.list(SUSPENSION_LIST).bits().get(index));
    assertEquals("active", status.currentStatus(issued.uuid()).get("status").asText());

    // the VC API's words for the same changes
    assertEquals(200, status.vcApi(issued.credentialId(), "suspended").statusCode());
    assertTrue(status.list(SUSPENSION_LIST).bits().get(index));
    assertEquals(200, status.vcApi(issued.credentialId(), "active").statusCode());
    assertFalse(status.list(SUSPENSION_LIST).bits().get(index));
  }

  @Test
  void revocationIsFinalAndRevokingAgainChangesNothing() {
    Issued issued = status.issueCredential("Bongani");
    int index = issued.index("revocation");
    assertEquals(200, status.officer(issued.uuid(), "revoke", "fraud").statusCode());
    long written = status.writtenByChanges();
    String etag = status.list(REVOCATION_LIST).etag();

    StatusClient.assertProblem(status.officer(issued.uuid(), "reinstate", "mistake?"), 409, "revocation-is-final");
    StatusClient.assertProblem(status.officer(issued.uuid(), "suspend", "also"), 409, "revocation-is-final");
    StatusClient.assertProblem(status.vcApi(issued.credentialId(), "active"), 409, "revocation-is-final");
    assertTrue(status.list(REVOCATION_LIST).bits().get(index), "the bit stays 1");

    HttpResponse<String> again = status.officer(issued.uuid(), "revoke", "fraud, again");
    assertEquals(200, again.statusCode(), again.body());
    assertEquals("revoked", TestServer.json(again).get("status").asText());
    assertEquals(200, status.vcApi(issued.credentialId(), "revoked").statusCode());

    assertEquals(written, status.writtenByChanges(), "no audit row, log entry or rebuild for a refused or idle change");
    assertEquals(1, status.number("select count(*) from status_change where credential_uuid = ?", issued.uuid()));
    assertEquals(etag, status.list(REVOCATION_LIST).etag(), "the list was not rebuilt");
  }

  @Test
  void badStatusChangeRequestsAreProblemsAndWriteNothing() {
    Issued issued = status.issueCredential("Karabo");
    Issued badge = status.issueBadge("Webinar host");
    long written = status.writtenByChanges();
    UUID unknown = UUID.randomUUID();

    StatusClient.assertProblem(status.officer(unknown, "revoke", "x"), 404, "not-found");
    StatusClient.assertProblem(status.officer("not-a-uuid", "{\"action\": \"revoke\", \"reason\": \"x\"}"), 404,
        "not-found");
    StatusClient.assertProblem(server.get("/credentials/" + unknown + "/status", "application/json"), 404, "not-found");
    StatusClient.assertProblem(server.get("/credentials/not-a-uuid/status", "application/json"), 404, "not-found");

    JsonNode noReason =
        StatusClient.assertProblem(status.officer(issued.uuid().toString(), "{\"action\": \"revoke\"}"), 400,
            "invalid-request");
    assertEquals(List.of("/reason"), StatusClient.pointers(noReason));
    JsonNode blankReason = StatusClient.assertProblem(
        status.officer(issued.uuid().toString(), "{\"action\": \"revoke\", \"reason\": \"  \"}"), 400,
        "invalid-request");
    assertEquals(List.of("/reason"), StatusClient.pointers(blankReason));
    JsonNode badAction =
        StatusClient.assertProblem(status.officer(issued.uuid(), "delete", "x"), 400, "invalid-request");
    assertEquals(List.of("/action"), StatusClient.pointers(badAction));

    JsonNode unknownId =
        StatusClient.assertProblem(status.vcApi("https://elsewhere.example/credentials/1", "revoked"), 404,
            "not-found");
    assertEquals(List.of("/credentialId"), StatusClient.pointers(unknownId));
    JsonNode badValue =
        StatusClient.assertProblem(status.vcApi(issued.credentialId(), "deleted"), 400, "invalid-request");
    assertEquals(List.of("/credentialStatus/0/status"), StatusClient.pointers(badValue));
    JsonNode noStatus =
        StatusClient.assertProblem(status.vcApi("{\"credentialId\": \"" + issued.credentialId() + "\"}"), 400,
            "invalid-request");
    assertEquals(List.of("/credentialStatus"), StatusClient.pointers(noStatus));
    StatusClient.assertProblem(status.vcApi(""), 400, "invalid-request");
    StatusClient.assertProblem(status.vcApi("{\"credentialId\": "), 400, "malformed-json");
    StatusClient.assertProblem(status.vcApi("[]"), 400, "invalid-request");
    StatusClient.assertProblem(status.officer(issued.uuid().toString(), ""), 400, "invalid-request");
    StatusClient.assertProblem(status.officer(issued.uuid().toString(), "{\"action\""), 400, "malformed-json");

    StatusClient.assertProblem(status.officer(badge.uuid(), "suspend", "badges cannot be"), 409, "no-status-entry");
    StatusClient.assertProblem(status.vcApi(badge.credentialId(), "suspended"), 409, "no-status-entry");

    assertEquals(written, status.writtenByChanges(), "no audit row, log entry, entry change or rebuild");
    assertEquals("active", status.currentStatus(issued.uuid()).get("status").asText());
    assertEquals("active", status.currentStatus(badge.uuid()).get("status").asText());
  }

  @Test
  void badListIdsAreProblems() {
    for (String bad : List.of("revocation-0", "foo", "revocation-1%27", "revocation-01", "Revocation-1",
        "revocation-1234567890")) {
      StatusClient.assertProblem(status.getList("/status/" + bad, Map.of()), 400, "invalid-request");
    }
    StatusClient.assertProblem(status.getList("/status/revocation-99", Map.of()), 404, "not-found");
    StatusClient.assertProblem(
        status.getList("/status/" + REVOCATION_LIST + "?format=pdf", Map.of()), 400, "invalid-request");
  }

  @Test
  void eachChangeIsAuditedOnceAndEnteredInTheLog() throws Exception {
    Issued issued = status.issueCredential("Zanele");
    List<String> actions = List.of("suspend", "reinstate", "revoke");
    for (String action : actions) {
      assertEquals(200, status.officer(issued.uuid(), action, "because " + action).statusCode());
    }
    status.awaitStatusEntriesIntegrated(issued.uuid(), actions.size());
    // the signed-in user (TestServer's platform admin) is the actor, by user id
    String actor = TestServer.json(server.get("/me", "application/json")).get("id").asText();

    try (Connection sql = server.sql();
        PreparedStatement query = sql.prepareStatement(
            "select c.action, c.purpose, c.actor, c.reason, c.changed_at, c.statement, l.data_sha256,"
                + " (select count(*) from log_entry x where x.status_change_id = c.change_id)"
                + " from status_change c join log_entry l on l.status_change_id = c.change_id and l.kind = 'status'"
                + " where c.credential_uuid = ? order by c.change_id")) {
      query.setObject(1, issued.uuid());
      List<String> seen = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String action = row.getString(1);
          seen.add(action);
          assertEquals(action.equals("revoke") ? "revocation" : "suspension", row.getString(2));
          assertEquals(actor, row.getString(3));
          assertEquals("because " + action, row.getString(4));
          assertTrue(row.getTimestamp(5) != null);
          JsonNode statement = Json.parse(row.getString(6));
          assertEquals(issued.credentialId(), statement.get("credential").asText());
          assertEquals(action, statement.get("action").asText());
          assertFalse(row.getString(6).contains("because"), "the reason stays out of the log");
          assertArrayEquals(Json.sha256(row.getString(6).getBytes(StandardCharsets.UTF_8)), row.getBytes(7),
              "the log entry commits to the statement");
          assertEquals(1, row.getLong(8), "one log entry per change");
        }
      }
      assertEquals(actions, seen, "one audit row per change, in order");
    }
    assertEquals(3, status.number("select count(*) from log_entry where kind = 'status' and credential_uuid = ?",
        issued.uuid()));
  }

  @Test
  void fiftyConcurrentRevocationsOnOneListAreAllPublished() throws Exception {
    int credentials = 50;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Issued> issued = all(pool, credentials, i -> () -> status.issueCredential("Learner " + i));
      Set<Integer> indexes = new HashSet<>();
      issued.forEach(c -> indexes.add(c.index("revocation")));
      assertEquals(credentials, indexes.size(), "concurrent issuance never shares an index");
      int spread = indexes.stream().mapToInt(Integer::intValue).max().orElseThrow()
          - indexes.stream().mapToInt(Integer::intValue).min().orElseThrow();
      assertTrue(spread > LIST_SIZE / 2, "indexes are drawn across the list, not in order: spread " + spread);

      long versionBefore = status.listVersion(REVOCATION_LIST);
      List<HttpResponse<String>> answers =
          all(pool, credentials, i -> () -> status.officer(issued.get(i).uuid(), "revoke", "batch " + i));
      answers.forEach(a -> assertEquals(200, a.statusCode(), a.body()));

      PublishedList list = status.list(REVOCATION_LIST);
      for (Issued credential : issued) {
        assertTrue(list.bits().get(credential.index("revocation")), "bit of " + credential.uuid());
      }
      assertEquals(status.number("select count(*) from status_entry where list_id = ? and is_set", REVOCATION_LIST),
          list.bits().countSet(), "the list holds exactly the revoked entries");
      assertEquals(versionBefore + credentials, status.listVersion(REVOCATION_LIST), "one rebuild per change");
      String uuids = "{" + String.join(",", issued.stream().map(c -> c.uuid().toString()).toList()) + "}";
      assertEquals(credentials,
          status.number("select count(*) from status_change where credential_uuid = any(?::uuid[])", uuids));
      assertEquals(credentials, status.number(
          "select count(*) from log_entry where kind = 'status' and credential_uuid = any(?::uuid[])", uuids));
      // log_entry has no foreign key (V9): the invariant it guarded is held by construction, and checked here
      assertEquals(0, status.number("select count(*) from log_entry e where not exists"
          + " (select 1 from credential c where c.uuid = e.credential_uuid)"), "every entry points at a credential");
      assertEquals(0, status.number("select count(*) from log_entry e where e.kind = 'status' and not exists"
          + " (select 1 from status_change s where s.change_id = e.status_change_id"
          + " and s.credential_uuid = e.credential_uuid)"), "every status entry points at its audited change");
      assertEquals(0, status.number("select count(*) from (select credential_uuid from log_entry where kind ="
          + " 'credential' group by credential_uuid having count(*) <> 1) more"), "one issuance entry per credential");
      assertEquals(status.number("select count(*) from credential"),
          status.number("select count(*) from log_entry where kind = 'credential'"), "and one for every credential");
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A credential's revocation and suspension bits live in two lists, locked apart; a suspension racing a revocation
   * must still either come first or be refused, never land on a revoked credential.
   */
  @Test
  void aSuspensionRacingARevocationNeverLandsAfterIt() throws Exception {
    int credentials = 16;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Issued> issued = all(pool, credentials, i -> () -> status.issueCredential("Racer " + i));
      List<HttpResponse<String>> answers = all(pool, 2 * credentials, i -> () ->
          status.officer(issued.get(i / 2).uuid(), i % 2 == 0 ? "revoke" : "suspend", "race " + i));
      for (int i = 0; i < credentials; i++) {
        assertEquals(200, answers.get(2 * i).statusCode(), answers.get(2 * i).body());
        HttpResponse<String> suspend = answers.get(2 * i + 1);
        JsonNode now = status.currentStatus(issued.get(i).uuid());
        assertTrue(now.get("revoked").asBoolean());
        if (suspend.statusCode() == 200) {
          assertTrue(now.get("suspended").asBoolean());
          assertTrue(Instant.parse(now.get("suspendedAt").asText()).isBefore(Instant.parse(now.get("revokedAt").asText())),
              "a suspension that succeeded came before the revocation: " + now);
        } else {
          StatusClient.assertProblem(suspend, 409, "revocation-is-final");
          assertFalse(now.get("suspended").asBoolean(), now.toString());
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  private interface Task<T> {
    Callable<T> at(int i);
  }

  /** Runs n tasks on the pool and returns their results in order, failing on the first failure. */
  private static <T> List<T> all(ExecutorService pool, int n, Task<T> task) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(pool.submit(task.at(i)));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get());
    }
    return results;
  }
}
