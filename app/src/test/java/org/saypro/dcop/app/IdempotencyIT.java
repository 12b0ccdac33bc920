package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT {

  @TempDir static Path dataDir;
  private TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private long rows() throws SQLException {
    return count("credential");
  }

  private long count(String table) throws SQLException {
    try (Connection connection = server.sql();
        ResultSet count = connection.createStatement().executeQuery("select count(*) from " + table)) {
      count.next();
      return count.getLong(1);
    }
  }

  @Test
  void sameKeyAndBodyReturnTheSameCredentialWithoutADuplicateRow() throws SQLException {
    long before = rows();
    Map<String, String> key = Map.of("Idempotency-Key", "graduation-2026-thandi");
    HttpResponse<String> first = server.postJson("/credentials/issue", server.issueRequest("Thandi"), key);
    // the same request with other white space and key order is the same request
    String reordered = server.issueRequest("Thandi").replace("\n", " ");
    HttpResponse<String> second = server.postJson("/credentials/issue", reordered, key);
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(201, second.statusCode(), second.body());
    assertEquals(first.body(), second.body());
    assertEquals("false", first.headers().firstValue("Idempotent-Replayed").orElseThrow());
    assertEquals("true", second.headers().firstValue("Idempotent-Replayed").orElseThrow());
    assertEquals(before + 1, rows());
  }

  @Test
  void sameKeyWithADifferentBodyIsAConflict() throws SQLException {
    Map<String, String> key = Map.of("Idempotency-Key", "cohort-7-sipho");
    assertEquals(201, server.postJson("/credentials/issue", server.issueRequest("Sipho"), key).statusCode());
    long before = rows();
    HttpResponse<String> conflict = server.postJson("/credentials/issue", server.issueRequest("Someone else"), key);
    assertEquals(409, conflict.statusCode());
    assertEquals("application/problem+json", conflict.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "https://dcop.saypro.org/problems/idempotency-key-reused", TestServer.json(conflict).get("type").asText());
    assertEquals(before, rows(), "nothing written on conflict");
  }

  @Test
  void concurrentRetriesWithOneKeyIssueOnce() throws Exception {
    long before = rows();
    Map<String, String> key = Map.of("Idempotency-Key", "concurrent-retry");
    String body = server.issueRequest("Lerato");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> answers =
          IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> server.postJson("/credentials/issue", body, key)))
              .toList();
      Set<String> bodies = new HashSet<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertEquals(201, response.statusCode(), response.body());
        bodies.add(response.body());
      }
      assertEquals(1, bodies.size(), "every retry got the same credential");
    } finally {
      pool.shutdown();
    }
    assertEquals(before + 1, rows());
    assertEquals(rows(), count("log_entry"), "one log entry per stored credential, none from the losing retries");
  }

  @Test
  void aCredentialIdCanBeIssuedOnlyOnce() {
    String withId =
        server.issueRequest("Naledi").replace("\"type\"", "\"id\": \"urn:uuid:6a1f0c4e-1b5d-4c55-9a59-4c2b8f7e0d11\", \"type\"");
    assertEquals(201, server.postJson("/credentials/issue", withId).statusCode());
    HttpResponse<String> again = server.postJson("/credentials/issue", withId);
    assertEquals(409, again.statusCode());
    assertEquals(
        "https://dcop.saypro.org/problems/duplicate-credential-id", TestServer.json(again).get("type").asText());
  }
}
