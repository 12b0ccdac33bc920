package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;
import org.saypro.dcop.core.json.Json;

/** Forums: posting, safe rendering, accepted answers and their event, search, moderation and its refusals. */
class ForumsIT {

  private static final String GROUP = "digital-learning";
  private static final String HOSTILE = "Look <script>alert('x')</script> [here](javascript:alert(1))"
      + " <img src=x onerror=alert(2)> and [a site](https://example.org)";

  @TempDir static Path dataDir;
  static TestServer server;
  static CommunitySupport community;
  static Member coordinator;

  @BeforeAll
  static void start() {
    Map<String, Object> properties = new HashMap<>(CommunitySupport.PROPERTIES);
    properties.put("dcop.community.digest-interval", "1s");
    properties.put("dcop.community.digest-initial-delay", "1s");
    server = TestServer.start(dataDir, TestServer.freePort(), properties);
    community = new CommunitySupport(server);
    coordinator = community.coordinator("Forum coordinator", GROUP);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String startThread(Member author, String category, String title, String body) {
    HttpResponse<String> created = author.api().postJson("/community/forums/categories/" + category + "/threads",
        Json.writeString(Json.newObject().put("title", title).put("body", body)));
    assertEquals(201, created.statusCode(), created.body());
    return TestServer.json(created).get("id").asText();
  }

  static String reply(Member author, String thread, String body) {
    HttpResponse<String> created = author.api().postJson("/community/forums/threads/" + thread + "/posts",
        Json.writeString(Json.newObject().put("body", body)));
    assertEquals(201, created.statusCode(), created.body());
    return TestServer.json(created).get("id").asText();
  }

  @Test
  void categoriesAreGeneralAndPerGroupAndRequestsAreChecked() {
    Member member = community.member("Forum reader");
    JsonNode categories = TestServer.json(member.api().get("/community/forums/categories", "application/json"))
        .get("categories");
    List<String> slugs = new ArrayList<>();
    categories.forEach(c -> slugs.add(c.get("slug").asText() + ":" + (c.has("group") ? c.get("group").asText() : "")));
    assertTrue(slugs.contains("general:") && slugs.contains(GROUP + ":" + GROUP), slugs.toString());

    assertEquals(401, server.anonymous().get("/community/forums/categories", "application/json").statusCode());
    assertEquals(401, server.anonymous().postJson("/community/forums/categories/general/threads",
        "{\"title\": \"t\", \"body\": \"b\"}").statusCode());
    HttpResponse<String> bad = member.api().postJson("/community/forums/categories/general/threads",
        Json.writeString(Json.newObject().put("title", "x".repeat(201)).put("body", "")));
    assertEquals(400, bad.statusCode(), bad.body());
    List<String> pointers = new ArrayList<>();
    TestServer.json(bad).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertEquals(List.of("/title", "/body"), pointers);
    assertEquals(404, member.api().postJson("/community/forums/categories/nowhere/threads",
        "{\"title\": \"t\", \"body\": \"b\"}").statusCode());
  }

  @Test
  void hostilePostsAreStoredAsSanitisedHtml() {
    Member author = community.member("Hostile author");
    String thread = startThread(author, "general", "A hostile post", HOSTILE);
    JsonNode post = TestServer.json(author.api().get("/community/forums/threads/" + thread, "application/json"))
        .get("posts").get(0);
    assertEquals(HOSTILE, post.get("body").asText(), "the source is kept as written");
    String html = post.get("html").asText();
    assertFalse(html.contains("<script") || html.contains("javascript:") || html.contains("<img")
        || html.matches("(?s).*<[^>]*\\son[a-z]+=.*"), html);
    assertTrue(html.contains("&lt;script&gt;"), "raw HTML shows as text: " + html);
    assertTrue(html.contains("<a href=\"https://example.org\""), html);
  }

  @Test
  void theAuthorAcceptsAnAnswerWhichRecordsOneEventForTheAnswersAuthor() throws Exception {
    Member asker = community.member("Asker");
    Member answerer = community.member("Answerer");
    Member bystander = community.member("Bystander");
    String thread = startThread(asker, GROUP, "How do I grade online quizzes?", "Any tips?");
    String answer = reply(answerer, thread, "Use **rubrics**.");
    String body = "{\"postId\": \"" + answer + "\"}";
    assertEquals(403, bystander.api().putJson("/community/forums/threads/" + thread + "/accepted", body)
        .statusCode());
    HttpResponse<String> accepted = asker.api().putJson("/community/forums/threads/" + thread + "/accepted", body);
    assertEquals(200, accepted.statusCode(), accepted.body());
    assertTrue(TestServer.json(accepted).get("changed").asBoolean());
    assertFalse(TestServer.json(asker.api().putJson("/community/forums/threads/" + thread + "/accepted", body))
        .get("changed").asBoolean());
    assertEquals(1, community.count("select count(*) from community_event where type = 'answer.accepted'"
        + " and user_id = '" + answerer.id() + "' and group_slug = '" + GROUP + "' and payload->>'postId' = '"
        + answer + "'"));

    assertEquals(201, bystander.api().putJson("/community/forums/posts/" + answer + "/reactions/thanks", "")
        .statusCode());
    assertEquals(200, bystander.api().putJson("/community/forums/posts/" + answer + "/reactions/thanks", "")
        .statusCode());
    assertEquals(400, bystander.api().putJson("/community/forums/posts/" + answer + "/reactions/boo", "")
        .statusCode());
    JsonNode posts = TestServer.json(asker.api().get("/community/forums/threads/" + thread, "application/json"))
        .get("posts");
    assertEquals(1, posts.get(1).get("reactions").get("thanks").asInt());
  }

  @Test
  void searchFindsVisiblePostsOnlyAndOnlyModeratorsHideOrLock() throws Exception {
    Member author = community.member("Searcher");
    Member other = community.member("Other member");
    String thread = startThread(author, GROUP, "Blended learning timetables", "We use a rotating timetable.");
    String spam = reply(other, thread, "Buy cheap zeppelinwidgets now");
    assertEquals(List.of(thread), hits(author, "rotating timetable"));
    assertEquals(List.of(thread), hits(author, "zeppelinwidgets"));

    assertEquals(201, author.api().postJson("/community/forums/posts/" + spam + "/flags",
        "{\"reason\": \"spam\"}").statusCode());
    assertEquals(403, author.api().putJson("/community/forums/posts/" + spam + "/hidden", "{\"hidden\": true}")
        .statusCode(), "a member who is not a moderator cannot hide");
    assertEquals(401, server.anonymous().putJson("/community/forums/posts/" + spam + "/hidden",
        "{\"hidden\": true}").statusCode());
    assertEquals(200, coordinator.api().putJson("/community/forums/posts/" + spam + "/hidden", "{\"hidden\": true}")
        .statusCode());
    assertEquals(List.of(), hits(author, "zeppelinwidgets"), "hidden posts are not found");
    assertEquals(1, TestServer.json(author.api().get("/community/forums/threads/" + thread, "application/json"))
        .get("posts").size(), "hidden posts are not shown to members");

    assertEquals(403, author.api().putJson("/community/forums/threads/" + thread + "/locked", "{\"locked\": true}")
        .statusCode());
    assertEquals(200, coordinator.api().putJson("/community/forums/threads/" + thread + "/locked",
        "{\"locked\": true}").statusCode());
    assertEquals(403, other.api().postJson("/community/forums/threads/" + thread + "/posts", "{\"body\": \"more\"}")
        .statusCode(), "a locked thread takes no replies");
    assertEquals(403, coordinator.api().putJson("/community/forums/threads/" + thread + "/category",
        "{\"category\": \"general\"}").statusCode(), "general categories are moderated by platform admins");
    assertEquals(200, server.putJson("/community/forums/threads/" + thread + "/category",
        "{\"category\": \"general\"}").statusCode());
    assertEquals(400, server.get("/community/forums/search?q=", "application/json").statusCode());
  }

  @Test
  void pagesRenderHostilePostsSafelyAndTheirFormsNeedTheFormToken() {
    Member author = community.member("Page author");
    Member other = community.member("Page reader");
    PageSession browser = PageSession.signIn(server, author.email(), CommunitySupport.PASSWORD);
    assertEquals(3, PageSession.visitor(server).get("/forums").statusCode() / 100, "visitors are sent to sign in");
    assertTrue(browser.get("/forums").body().contains("/forums/c/" + GROUP));

    String token = browser.formToken("/forums/c/general");
    Map<String, String> thread = Map.of("title", "Page thread about moodlequizzes", "body", HOSTILE);
    assertEquals(403, browser.postForm("/forums/c/general/threads", thread).statusCode(), "no form token");
    Map<String, String> withToken = new HashMap<>(thread);
    withToken.put("csrf", token);
    HttpResponse<String> created = browser.postForm("/forums/c/general/threads", withToken);
    assertEquals(303, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();

    HttpResponse<String> page = browser.get(location);
    assertEquals(200, page.statusCode(), page.body());
    String body = page.body();
    assertFalse(body.contains("<script>alert") || body.contains("javascript:alert") || body.contains("<img src=x"),
        body);
    assertTrue(body.contains("&lt;script&gt;") && body.contains("href=\"https://example.org\""), body);

    String threadId = location.substring(location.lastIndexOf('/') + 1);
    assertEquals(303, browser.postForm(location + "/replies", Map.of("csrf", token, "body", "A *reply*"))
        .statusCode());
    assertTrue(browser.get(location).body().contains("<em>reply</em>"));
    String postId = TestServer.json(author.api().get("/community/forums/threads/" + threadId, "application/json"))
        .get("posts").get(1).get("id").asText();
    PageSession reader = PageSession.signIn(server, other.email(), CommunitySupport.PASSWORD);
    String readerToken = reader.formToken(location);
    assertEquals(403, reader.postForm("/forums/p/" + postId + "/visibility",
        Map.of("csrf", readerToken, "action", "hide")).statusCode(), "members are not moderators");
    assertEquals(303, reader.postForm("/forums/p/" + postId + "/flag", Map.of("csrf", readerToken, "reason",
        "off topic")).statusCode());
    assertEquals(403, reader.postForm("/forums/p/" + postId + "/flag", Map.of("reason", "off topic")).statusCode());

    HttpResponse<String> search = reader.get("/forums/search?q=moodlequizzes");
    assertEquals(200, search.statusCode());
    assertTrue(search.body().contains("/forums/t/" + threadId), search.body());
  }

  @Test
  void mentionsMailAtOnceOrInTheDailyDigest() throws Exception {
    Member writer = community.member("Mention writer");
    Member eager = community.member("Eager reader");
    Member patient = community.member("Patient reader");
    CommunitySupport.consent(eager, "mentions");
    CommunitySupport.consent(patient, "digests");
    assertEquals(400, patient.api().putJson("/community/forums/notifications", "{\"mentions\": \"hourly\"}")
        .statusCode());
    assertEquals(200, patient.api().putJson("/community/forums/notifications", "{\"mentions\": \"daily\"}")
        .statusCode());
    String thread = startThread(writer, "help", "Who knows the timetable tool?",
        "Asking @" + eager.email() + " and @\"Patient reader\".");
    assertEquals(1, community.count("select count(*) from email_outbox where to_address = '" + eager.email()
        + "' and body_text like '%/forums/t/" + thread + "%'"), "an immediate e-mail");
    assertEquals(1, community.count("select count(*) from forum_mention where user_id = '" + patient.id() + "'"));
    long digests = 0;
    for (int i = 0; i < 100 && digests == 0; i++) {
      Thread.sleep(100);
      digests = community.count("select count(*) from email_outbox where to_address = '" + patient.email()
          + "' and subject = 'Your forum mentions of the day' and body_text like '%/forums/t/" + thread + "%'");
    }
    assertEquals(1, digests, "one digest for the daily reader");
    reply(writer, thread, "Once more, @\"Patient reader\"");
    Thread.sleep(2500);
    assertEquals(1, community.count("select count(*) from email_outbox where to_address = '" + patient.email()
        + "'"), "no second digest within a day");
  }

  private static List<String> hits(Member member, String query) {
    HttpResponse<String> response = member.api().get("/community/forums/search?q="
        + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8), "application/json");
    assertEquals(200, response.statusCode(), response.body());
    List<String> ids = new ArrayList<>();
    TestServer.json(response).get("threads").forEach(t -> ids.add(t.get("threadId").asText()));
    return ids;
  }
}
