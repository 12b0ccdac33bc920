package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.status.Bitstring;
import org.saypro.dcop.core.status.BitstringStatusListCredential;
import org.saypro.dcop.core.status.BitstringStatusListEntry;
import org.saypro.dcop.core.status.EncodedList;
import org.saypro.dcop.core.status.EncodedListException;
import org.saypro.dcop.core.status.Parsed;
import org.saypro.dcop.core.status.StatusEntryParser;
import org.saypro.dcop.core.status.StatusListCredentialParser;

/**
 * Issues credentials, changes their status and fetches status lists over HTTP, decoding what comes back with
 * credential-core's own status code (not with the issuer's), and reads the issuer's status tables over JDBC.
 */
final class StatusClient {

  static final String PROBLEM = "application/problem+json";

  private final TestServer server;

  StatusClient(TestServer server) {
    this.server = server;
  }

  /** An issued credential: its uuid (the last path segment of its Location), its id, and its JWT payload. */
  record Issued(UUID uuid, String credentialId, JsonNode credential) {

    List<BitstringStatusListEntry> entries() {
      Parsed<List<BitstringStatusListEntry>> parsed = StatusEntryParser.entriesOf(credential);
      assertTrue(parsed.isValid(), () -> "credentialStatus is not valid: " + parsed);
      return ((Parsed.Valid<List<BitstringStatusListEntry>>) parsed).value();
    }

    BitstringStatusListEntry entry(String purpose) {
      return entries().stream().filter(e -> e.statusPurpose().equals(purpose)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + purpose + " entry in " + credential.get("credentialStatus")));
    }

    int index(String purpose) {
      return Math.toIntExact(entry(purpose).index().orElseThrow());
    }
  }

  Issued issueCredential(String subjectName) {
    return issue(server.issueRequest(subjectName));
  }

  /** An Open Badges 3.0 credential, as IssueAndVerifyIT issues one. */
  Issued issueBadge(String achievementName) {
    return issue("""
        {"credential": {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "name": "%2$s",
          "issuer": {"id": "%1$s", "type": ["Profile"], "name": "SayPro"},
          "validFrom": "2026-01-01T00:00:00Z",
          "credentialSubject": {"type": ["AchievementSubject"], "id": "did:example:learner-2",
            "achievement": {"id": "https://example.org/achievements/1", "type": ["Achievement"],
              "name": "%2$s", "description": "Facilitates online learning",
              "criteria": {"narrative": "Ran three webinars"}}}
        }}""".formatted(server.issuerDid(), achievementName));
  }

  private Issued issue(String request) {
    HttpResponse<String> response = server.postJson("/credentials/issue", request);
    assertEquals(201, response.statusCode(), response.body());
    String location = response.headers().firstValue("Location").orElseThrow();
    UUID uuid = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    String envelope = TestServer.json(response).get("verifiableCredential").get("id").asText();
    JsonNode payload = jwtPayload(envelope.substring("data:application/vc+jwt,".length()));
    return new Issued(uuid, payload.get("id").asText(), payload);
  }

  HttpResponse<String> officer(UUID credential, String action, String reason) {
    return officer(credential.toString(),
        Json.writeString(Json.newObject().put("action", action).put("reason", reason)));
  }

  HttpResponse<String> officer(String uuidSegment, String body) {
    return server.postJson("/credentials/" + uuidSegment + "/status", body);
  }

  /** The VC API's status update with one change; {@code status} is revoked, suspended or active. */
  HttpResponse<String> vcApi(String credentialId, String status) {
    return vcApi("{\"credentialId\": \"" + credentialId + "\", \"credentialStatus\": [{\"type\":"
        + " \"BitstringStatusListEntry\", \"status\": \"" + status + "\"}]}");
  }

  HttpResponse<String> vcApi(String body) {
    return server.postJson("/credentials/status", body);
  }

  /** {@code GET /credentials/{uuid}/status}, which must answer 200. */
  JsonNode currentStatus(UUID credential) {
    HttpResponse<String> response = server.get("/credentials/" + credential + "/status", "application/json");
    assertEquals(200, response.statusCode(), response.body());
    return TestServer.json(response);
  }

  /** A status list as served, its credential (the JSON, or the JWT's payload) and its decoded bits. */
  record PublishedList(HttpResponse<String> response, JsonNode credential, Bitstring bits) {
    String etag() {
      return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }
  }

  /** The list in its default form, JSON with a Data Integrity proof. */
  PublishedList list(String listId) {
    HttpResponse<String> response = getList("/status/" + listId, Map.of());
    assertEquals(200, response.statusCode(), response.body());
    return decoded(response, Json.parse(response.body()));
  }

  /** The list as vc+jwt, asked for by Accept. */
  PublishedList listAsJwt(String listId) {
    HttpResponse<String> response = getList("/status/" + listId, Map.of("Accept", "application/vc+jwt"));
    assertEquals(200, response.statusCode(), response.body());
    return decoded(response, jwtPayload(response.body()));
  }

  HttpResponse<String> getList(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
    headers.forEach(request::header);
    return TestServer.send(request.build());
  }

  private static PublishedList decoded(HttpResponse<String> response, JsonNode credential) {
    Parsed<BitstringStatusListCredential> parsed = StatusListCredentialParser.parse(credential);
    assertTrue(parsed.isValid(), () -> "not a valid BitstringStatusListCredential: " + parsed);
    String encoded = ((Parsed.Valid<BitstringStatusListCredential>) parsed).value().subject().encodedList();
    try {
      return new PublishedList(response, credential, EncodedList.standard().decode(encoded));
    } catch (EncodedListException e) {
      throw new AssertionError("the encodedList does not decode", e);
    }
  }

  static JsonNode jwtPayload(String compactJws) {
    String[] parts = compactJws.split("\\.");
    assertEquals(3, parts.length, "a compact JWS has three parts");
    return Json.parse(Base64.getUrlDecoder().decode(parts[1]));
  }

  static JsonNode jwtHeader(String compactJws) {
    return Json.parse(Base64.getUrlDecoder().decode(compactJws.split("\\.")[0]));
  }

  /** A problem+json response with this status and problem type. */
  static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""), response.body());
    JsonNode problem = TestServer.json(response);
    assertEquals("https://dcop.saypro.org/problems/" + type, problem.path("type").asText(), response.body());
    assertEquals(status, problem.path("status").asInt(), response.body());
    return problem;
  }

  /** The JSON pointers a problem names in its {@code errors}. */
  static List<String> pointers(JsonNode problem) {
    List<String> pointers = new java.util.ArrayList<>();
    problem.path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    return pointers;
  }

  /** A single number from SQL, with {@code ?} parameters bound in order. */
  long number(String sql, Object... parameters) {
    try (Connection connection = server.sql(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        assertTrue(row.next(), sql + " returned no row");
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The list's build counter, which every change bumps and the ETag is made from. */
  long listVersion(String listId) {
    return number("select version from status_list where list_id = ?", listId);
  }

  /** Everything a status change writes, summed: it must not move when a request is refused. */
  long writtenByChanges() {
    return number("select (select count(*) from status_change) + (select count(*) from log_entry where kind = 'status')"
        + " + (select coalesce(sum(version), 0) from status_list)"
        + " + (select count(*) from status_entry where changed_at is not null)");
  }

  /** Waits until the sequencer has given every status log entry of this credential a leaf index. */
  void awaitStatusEntriesIntegrated(UUID credential, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    String sql = "select count(*) from log_entry where kind = 'status' and credential_uuid = ? and leaf_index is not null";
    while (number(sql, credential) < expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the sequencer did not integrate " + expected + " status entries of " + credential
            + " within 15 s");
      }
      Thread.sleep(100);
    }
  }
}
