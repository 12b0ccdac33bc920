package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;

/** The resource library: upload limits and sniffing, review and publication with its event, visibility, search. */
class ResourceLibraryIT {

  private static final String GROUP = "digital-learning";
  static final int LIMIT = 64 * 1024;
  static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @TempDir static Path dataDir;
  static TestServer server;
  static CommunitySupport community;
  static Member coordinator;

  @BeforeAll
  static void start() {
    Map<String, Object> properties = new HashMap<>(CommunitySupport.PROPERTIES);
    properties.put("dcop.community.resources.max-bytes", LIMIT);
    server = TestServer.start(dataDir, TestServer.freePort(), properties);
    community = new CommunitySupport(server);
    coordinator = community.coordinator("Library coordinator", GROUP);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Map<String, String> metadata(String title) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("description", "A toolkit for facilitators of blended courses.");
    fields.put("kind", "toolkit");
    fields.put("group", GROUP);
    fields.put("tags", "Facilitation, blended");
    fields.put("licence", "CC-BY-4.0");
    fields.put("organisation", "SayPro");
    return fields;
  }

  /** A multipart request with the fields and one part named "file", sent with the member's bearer token. */
  static HttpResponse<String> upload(TestServer as, String path, Map<String, String> fields, String fileName,
      String type, byte[] file) {
    return TestServer.send(as.authorised(PageSession.multipart(HttpRequest.newBuilder(as.uri(path)), fields,
        fileName, type, file).header("Accept", "application/json")).build());
  }

  static String create(Member author, String title) {
    HttpResponse<String> created = upload(author.api(), "/community/resources", metadata(title), "toolkit.pdf",
        "application/pdf", PDF);
    assertEquals(201, created.statusCode(), created.body());
    return TestServer.json(created).get("id").asText();
  }

  static long storedFiles() throws IOException {
    Path root = dataDir.resolve("resources");
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void uploadLimitsADisguisedExecutableAndAMismatchedTypeAreRefusedAndNothingIsStored() throws Exception {
    Member author = community.member("Uploader");
    long before = storedFiles();

    HttpResponse<String> large = upload(author.api(), "/community/resources", metadata("Too large"), "big.txt",
        "text/plain", "a".repeat(LIMIT + 1).getBytes(StandardCharsets.US_ASCII));
    assertEquals(413, large.statusCode(), large.body());
    assertTrue(large.body().contains("limit of " + LIMIT + " bytes"), large.body());

    byte[] executable = new byte[512];
    executable[0] = 'M';
    executable[1] = 'Z';
    HttpResponse<String> disguised = upload(author.api(), "/community/resources", metadata("Disguised"),
        "report.pdf", "application/pdf", executable);
    assertEquals(400, disguised.statusCode(), disguised.body());
    assertTrue(disguised.body().contains("executable") && disguised.body().contains("/file"), disguised.body());

    HttpResponse<String> mismatch = upload(author.api(), "/community/resources", metadata("Mismatch"), "report.pdf",
        "image/png", PDF);
    assertEquals(400, mismatch.statusCode(), mismatch.body());
    assertTrue(mismatch.body().contains("sent as image/png"), mismatch.body());

    Map<String, String> missing = metadata("");
    missing.put("kind", "poem");
    HttpResponse<String> invalid = upload(author.api(), "/community/resources", missing, "r.pdf", "application/pdf",
        PDF);
    assertEquals(400, invalid.statusCode(), invalid.body());
    List<String> pointers = new ArrayList<>();
    TestServer.json(invalid).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertEquals(List.of("/title", "/kind"), pointers);

    assertEquals(before, storedFiles(), "refused uploads leave no file behind");
    assertEquals(0, community.count("select count(*) from resource where author_id = '" + author.id() + "'"));
    assertEquals(401, upload(server.anonymous(), "/community/resources", metadata("Anon"), "r.pdf",
        "application/pdf", PDF).statusCode());
  }

  @Test
  void aReviewedVersionIsPublishedWithItsEventAndOnlyThenFoundAndDownloaded() throws Exception {
    Member author = community.member("Author");
    Member reader = community.member("Reader");
    String id = create(author, "Quokkaplanning toolkit");
    String path = "/community/resources/" + id;

    assertEquals(404, reader.api().get(path, "application/json").statusCode(), "drafts are invisible to others");
    assertEquals(404, reader.api().get(path + "/versions/1/file", "*/*").statusCode());
    assertEquals(List.of(), hits(reader, "?q=quokkaplanning"));
    assertEquals(200, author.api().get(path + "/versions/1/file", "*/*").statusCode(), "the author may read it");

    assertEquals(400, coordinator.api().postJson(path + "/versions/1/review", "{\"decision\": \"approve\"}")
        .statusCode(), "a draft is not reviewed before it is submitted");
    assertEquals(404, reader.api().postJson(path + "/versions/1/submission", "").statusCode());
    assertEquals(200, author.api().postJson(path + "/versions/1/submission", "").statusCode());
    assertTrue(TestServer.json(coordinator.api().get("/community/resources/review-queue", "application/json"))
        .get("versions").toString().contains(id));
    assertEquals(403, reader.api().postJson(path + "/versions/1/review", "{\"decision\": \"approve\"}")
        .statusCode(), "only the group's coordinators review");
    HttpResponse<String> approved = coordinator.api().postJson(path + "/versions/1/review",
        "{\"decision\": \"approve\", \"note\": \"Thanks\"}");
    assertEquals(200, approved.statusCode(), approved.body());
    assertEquals(1, community.count("select count(*) from community_event where type = 'resource.published'"
        + " and user_id = '" + author.id() + "' and group_slug = '" + GROUP + "' and payload->>'resourceId' = '"
        + id + "'"));

    assertEquals(List.of(id), hits(reader, "?q=quokkaplanning"));
    assertEquals(List.of(id), hits(reader, "?q=quokkaplanning&kind=toolkit&group=" + GROUP
        + "&tag=facilitation&licence=CC-BY-4.0"));
    assertEquals(List.of(), hits(reader, "?q=quokkaplanning&kind=template"));
    assertEquals(400, reader.api().get("/community/resources?kind=poem", "application/json").statusCode());

    HttpResponse<String> download = reader.api().get(path + "/versions/1/file", "*/*");
    assertEquals(200, download.statusCode());
    assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
    assertEquals(new String(PDF, StandardCharsets.US_ASCII), download.body());
    JsonNode shown = TestServer.json(reader.api().get(path, "application/json"));
    assertEquals(1, shown.get("downloads").asInt(), shown.toString());

    HttpResponse<String> second = upload(author.api(), path + "/versions", Map.of(), "notes.md", "text/markdown",
        "# Version two\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(201, second.statusCode(), second.body());
    assertEquals(2, TestServer.json(second).get("version").asInt());
    assertEquals(403, upload(reader.api(), path + "/versions", Map.of(), "n.md", "text/markdown",
        "# Mine\n".getBytes(StandardCharsets.UTF_8)).statusCode());
    assertEquals(1, TestServer.json(reader.api().get(path, "application/json")).get("versions").size(),
        "members see approved versions only");
    assertEquals(404, reader.api().get(path + "/versions/2/file", "*/*").statusCode());
  }

  @Test
  void pagesUploadSubmitAndReviewWithFormTokens() throws Exception {
    Member author = community.member("Page uploader");
    PageSession browser = PageSession.signIn(server, author.email(), CommunitySupport.PASSWORD);
    assertEquals(3, PageSession.visitor(server).get("/library").statusCode() / 100, "visitors are sent to sign in");
    String token = browser.formToken("/library/new");
    Map<String, String> fields = metadata("Page <b>guide</b> zebrafinch");
    assertEquals(403, browser.postFile("/library", fields, "guide.md", "text/markdown",
        "# Guide\n".getBytes(StandardCharsets.UTF_8)).statusCode(), "no form token");
    fields.put("csrf", token);
    HttpResponse<String> created = browser.postFile("/library", fields, "guide.md", "text/markdown",
        "# Guide\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(303, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    String page = browser.get(location).body();
    assertTrue(page.contains("Page &lt;b&gt;guide&lt;/b&gt; zebrafinch") && page.contains("draft"), page);
    assertEquals(303, browser.postForm(location + "/v/1/submission", Map.of("csrf", token)).statusCode());

    PageSession reviewer = PageSession.signIn(server, coordinator.email(), CommunitySupport.PASSWORD);
    assertTrue(reviewer.get("/library/review").body().contains(location), "the queue links the resource");
    String reviewToken = reviewer.formToken(location);
    assertEquals(303, reviewer.postForm(location + "/v/1/review", Map.of("csrf", reviewToken, "decision",
        "approve")).statusCode());
    assertTrue(browser.get("/library?q=zebrafinch&kind=toolkit").body().contains(location));
    HttpResponse<String> file = browser.get(location + "/v/1/file", "text/html,*/*;q=0.8");
    assertEquals(200, file.statusCode());
    assertEquals("text/markdown", file.headers().firstValue("Content-Type").orElse(""));
  }

  private static List<String> hits(Member member, String query) {
    HttpResponse<String> found = member.api().get("/community/resources" + query, "application/json");
    assertEquals(200, found.statusCode(), found.body());
    List<String> ids = new ArrayList<>();
    TestServer.json(found).get("resources").forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }
}
