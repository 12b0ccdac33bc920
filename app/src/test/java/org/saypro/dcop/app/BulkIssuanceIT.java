package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk awards from CSV against the real server: a file with bad rows issues nothing unless asked for the valid
 * rows; the same file twice issues nothing new; a run cut off by the server stopping, then run again, ends with every
 * row awarded exactly once.
 */
class BulkIssuanceIT {

  @TempDir Path dataDir;

  private static final String QUALIFICATION = """
      {"code": "MENTOR", "title": "Peer Mentor", "description": "Mentored newcomers to the community.",
       "criteria": "Mentor three newcomers for four weeks each.", "achievementType": "Badge"}""";

  @Test
  void aFileWithBadRowsIssuesNothingUnlessAskedForTheValidRows() throws Exception {
    try (TestServer server = TestServer.start(dataDir)) {
      addQualification(server);
      String csv = "email,name\nthandi@example.org,Thandi\nnot-an-address,Bad\nsipho@example.org,Sipho\n"
          + "thandi@example.org,Thandi again\n";

      HttpResponse<String> refused = upload(server, csv, "issue");
      assertEquals(400, refused.statusCode(), refused.body());
      JsonNode problem = TestServer.json(refused);
      assertEquals("https://dcop.saypro.org/problems/invalid-bulk-file", problem.get("type").asText());
      List<String> pointers = new ArrayList<>();
      problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
      assertEquals(List.of("/line/3/email", "/line/5"), pointers);
      assertEquals(0, awards(server), "nothing issued from a file with errors");

      JsonNode validated = TestServer.json(upload(server, csv, "validate"));
      assertEquals(4, validated.get("rows").asInt());
      assertEquals(2, validated.get("validRows").asInt());
      assertEquals(0, awards(server), "validate issues nothing");

      JsonNode issued = TestServer.json(upload(server, csv, "issue-valid"));
      assertEquals(2, issued.get("issued").asInt(), issued.toString());
      assertEquals(2, issued.get("errors").size());
      assertEquals(2, awards(server));

      JsonNode again = TestServer.json(upload(server, csv, "issue-valid"));
      assertEquals(0, again.get("issued").asInt(), "the same file twice issues nothing new: " + again);
      assertEquals(2, again.get("alreadyIssued").asInt());
      assertEquals(2, awards(server));
      assertEquals(again.get("results").get(0).get("credential"), issued.get("results").get(0).get("credential"));
    }
  }

  @Test
  void aRunCutOffHalfWayAndRunAgainAwardsEveryRowExactlyOnce() throws Exception {
    // enough small chunks that the cut falls part way even when the server issues thousands of rows a second
    int rows = 3000;
    Map<String, Object> smallChunks = Map.of("dcop.bulk.chunk-rows", 50);
    StringBuilder csv = new StringBuilder("email,name\n");
    for (int i = 0; i < rows; i++) {
      csv.append("learner").append(i).append("@example.org,Learner ").append(i).append('\n');
    }
    int port = TestServer.freePort();
    TestServer first = TestServer.start(dataDir, port, smallChunks);
    addQualification(first);
    CompletableFuture<Void> cutOff = CompletableFuture.runAsync(() -> {
      try {
        upload(first, csv.toString(), "issue");
      } catch (RuntimeException expected) {
        // the server goes away mid-request
      }
    });
    AnchoringSupport.await("some rows awarded", Duration.ofSeconds(60), () -> awards(first) >= 50);
    first.close();
    cutOff.get();

    try (TestServer second = TestServer.start(dataDir, port, smallChunks)) {
      long before = awards(second);
      assertTrue(before > 0 && before < rows, "the run was cut off part way: " + before + " of " + rows);
      JsonNode resumed = TestServer.json(upload(second, csv.toString(), "issue"));
      assertEquals(rows, resumed.get("issued").asInt() + resumed.get("alreadyIssued").asInt(), resumed.toString());
      assertEquals(before, resumed.get("alreadyIssued").asInt(), "every row finished before the cut is replayed");
      assertEquals(rows, awards(second), "none missing");
      assertEquals(rows, count(second, "select count(*) from credential"), "no duplicates, no strays");
    }
  }

  @Test
  void theCommandChecksTheWholeFileThenIssuesInChunksWithProgressAndASummary() throws Exception {
    Path csv = dataDir.resolve("cohort.csv");
    StringBuilder rows = new StringBuilder("email,name\n");
    for (int i = 0; i < 300; i++) {
      rows.append("graduate").append(i).append("@example.org,\"Graduate, ").append(i).append("\"\n");
    }
    java.nio.file.Files.writeString(csv, rows);
    Path bad = dataDir.resolve("bad.csv");
    java.nio.file.Files.writeString(bad, "email\nok@example.org\nnot-an-address\n");
    try (TestServer server = TestServer.start(dataDir.resolve("server"))) {
      addQualification(server);
      List<String> args = List.of(csv.toString(), "--qualification", "saypro/MENTOR", "--server",
          server.uri("").toString(), "--chunk", "100", "--token", server.token());

      Run first = command(args);
      assertEquals(0, first.status(), first.err());
      assertTrue(first.out().contains("300 rows, 300 valid, 0 problem(s)"), first.out());
      assertTrue(first.out().contains("issued 300, already issued 0, failed 0"), first.out());
      assertTrue(first.err().contains("[##############################] 300/300 rows"), first.err());
      assertEquals(300, awards(server));

      Run again = command(args);
      assertEquals(0, again.status(), again.err());
      assertTrue(again.out().contains("issued 0, already issued 300, failed 0"), again.out());

      Run refused = command(List.of(bad.toString(), "--qualification", "saypro/MENTOR", "--server",
          server.uri("").toString(), "--token", server.token()));
      Run anonymous = command(List.of(csv.toString(), "--qualification", "saypro/MENTOR", "--server",
          server.uri("").toString()));
      assertEquals(2, anonymous.status(), "without a token the server refuses");
      assertTrue(anonymous.err().contains("401"), anonymous.err());
      assertEquals(1, refused.status());
      assertTrue(refused.err().contains("line 3, column email: not an email address"), refused.err());
      assertEquals(300, awards(server), "nothing issued from the bad file");

      assertEquals(2, command(List.of(csv.toString())).status(), "no --qualification: usage");
    }
  }

  private record Run(int status, String out, String err) {}

  private static Run command(List<String> args) {
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int status = new IssueBulkCommand(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))
        .run(args, Map.of());
    return new Run(status, out.toString(java.nio.charset.StandardCharsets.UTF_8),
        err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void addQualification(TestServer server) {
    HttpResponse<String> added = server.postJson("/organisations/saypro/qualifications", QUALIFICATION);
    assertEquals(201, added.statusCode(), added.body());
  }

  private static HttpResponse<String> upload(TestServer server, String csv, String mode) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create(server.uri("/organisations/saypro/qualifications/MENTOR/bulk?mode=" + mode).toString()))
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv));
    return TestServer.send(server.authorised(request).build());
  }

  /** Awards made, each under its one idempotency key per learner. */
  private static long awards(TestServer server) {
    return count(server, "select count(*) from idempotency_key where idempotency_key like 'award:%'");
  }

  private static long count(TestServer server, String sql) {
    try (Connection connection = server.sql(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
