package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;

/**
 * The moderators' flag queue (only the categories they moderate, no flagger identities, resolution recorded) and
 * the audit events of moderation: one per action, in the action's transaction, none for a refused action.
 */
class ForumModerationIT {

  private static final String GROUP = "digital-learning";
  private static final String OTHER_GROUP = "funding";

  @TempDir static Path dataDir;
  static TestServer server;
  static CommunitySupport community;
  static Member coordinator;
  static Member otherCoordinator;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, TestServer.freePort(), CommunitySupport.PROPERTIES);
    community = new CommunitySupport(server);
    coordinator = community.coordinator("Queue coordinator", GROUP);
    otherCoordinator = community.coordinator("Other coordinator", OTHER_GROUP);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theQueueShowsOnlyModeratedCategoriesAndResolvingIsRecorded() throws Exception {
    Member author = community.member("Flagged author");
    Member flagger = community.member("First flagger");
    Member second = community.member("Second flagger");
    String ownThread = ForumsIT.startThread(author, GROUP, "Own category thread", "Fine opening");
    String ownPost = ForumsIT.reply(author, ownThread, "Spammy <b>wombatdeal</b> reply");
    String otherThread = ForumsIT.startThread(author, OTHER_GROUP, "Other category thread", "Fine opening");
    String otherPost = ForumsIT.reply(author, otherThread, "Other spam");
    String generalThread = ForumsIT.startThread(author, "general", "General thread", "Fine opening");
    String generalPost = ForumsIT.reply(author, generalThread, "General spam");
    flag(flagger, ownPost, "spam from flagger one");
    flag(second, ownPost, "also spam");
    flag(flagger, otherPost, "spam elsewhere");
    flag(flagger, generalPost, "spam in general");

    HttpResponse<String> queue = coordinator.api().get("/community/forums/flags?limit=100", "application/json");
    assertEquals(200, queue.statusCode(), queue.body());
    List<String> queued = postIds(queue);
    assertTrue(queued.contains(ownPost) && !queued.contains(otherPost) && !queued.contains(generalPost), queued
        + ": a coordinator sees their group's categories only");
    JsonNode entry = TestServer.json(queue).get("posts").get(queued.indexOf(ownPost));
    assertEquals(2, entry.get("flaggers").asInt());
    assertEquals(ownThread, entry.get("threadId").asText());
    assertEquals("Spammy <b>wombatdeal</b> reply", entry.get("excerpt").asText());
    assertEquals(List.of("spam from flagger one", "also spam"), texts(entry.get("reasons")));
    for (Member who : List.of(flagger, second)) {
      assertFalse(queue.body().contains(who.id().toString()) || queue.body().contains(who.email()),
          "flaggers are counted, not named");
    }
    List<String> all = postIds(server.get("/community/forums/flags?limit=100", "application/json"));
    assertTrue(all.containsAll(List.of(ownPost, otherPost, generalPost)), "platform admins see every category");

    Member member = community.member("Not a moderator");
    assertEquals(403, member.api().get("/community/forums/flags", "application/json").statusCode());
    assertEquals(401, server.anonymous().get("/community/forums/flags", "application/json").statusCode());
    assertEquals(403, member.api().postJson("/community/forums/posts/" + ownPost + "/flags/resolution",
        "{\"outcome\": \"dismissed\"}").statusCode());
    assertEquals(403, coordinator.api().postJson("/community/forums/posts/" + otherPost + "/flags/resolution",
        "{\"outcome\": \"dismissed\"}").statusCode(), "another group's coordinator cannot resolve");
    assertEquals(400, coordinator.api().postJson("/community/forums/posts/" + ownPost + "/flags/resolution",
        "{\"outcome\": \"deleted\"}").statusCode());
    assertEquals(0, audited(ownPost) + audited(otherPost), "refused resolutions leave no audit event");
    assertEquals(2, community.count("select count(*) from forum_flag where post_id = '" + ownPost
        + "' and resolved_at is null"), "and no resolution");

    HttpResponse<String> dismissed = coordinator.api().postJson("/community/forums/posts/" + ownPost
        + "/flags/resolution", "{\"outcome\": \"dismissed\"}");
    assertEquals(200, dismissed.statusCode(), dismissed.body());
    assertEquals(2, TestServer.json(dismissed).get("flagsResolved").asInt());
    assertEquals(2, community.count("select count(*) from forum_flag where post_id = '" + ownPost
        + "' and resolved_by = '" + coordinator.id() + "' and outcome = 'dismissed' and resolved_at is not null"));
    assertEquals(1, community.count("select count(*) from audit_event where action = 'forum.flags.resolved'"
        + " and subject = '" + ownPost + "' and actor = '" + coordinator.id() + "' and outcome = 'success'"
        + " and detail->>'outcome' = 'dismissed' and organisation_id is null"));
    assertFalse(postIds(coordinator.api().get("/community/forums/flags?limit=100", "application/json"))
        .contains(ownPost), "a resolved post leaves the queue");
    assertEquals(404, coordinator.api().postJson("/community/forums/posts/" + ownPost + "/flags/resolution",
        "{\"outcome\": \"hidden\"}").statusCode(), "nothing left to resolve");
    assertFalse(TestServer.json(author.api().get("/community/forums/threads/" + ownThread, "application/json"))
        .get("posts").get(1).get("hidden").asBoolean(), "dismissing leaves the post up");
  }

  @Test
  void theQueuePageEscapesAndItsFormsNeedTheFormTokenAndAModerator() throws Exception {
    Member author = community.member("Page flagged author");
    Member flagger = community.member("Page flagger");
    String thread = ForumsIT.startThread(author, OTHER_GROUP, "Page queue thread", "Opening");
    String post = ForumsIT.reply(author, thread, "Hostile <script>alert(1)</script> quollpost");
    flag(flagger, post, "<img src=x onerror=alert(2)> reason");

    PageSession moderator = PageSession.signIn(server, otherCoordinator.email(), CommunitySupport.PASSWORD);
    assertTrue(moderator.get("/forums").body().contains("href=\"/forums/flags\""), "moderators find the queue");
    HttpResponse<String> page = moderator.get("/forums/flags");
    assertEquals(200, page.statusCode(), page.body());
    String body = page.body();
    assertTrue(body.contains("quollpost") && body.contains("&lt;script&gt;") && body.contains("&lt;img"), body);
    assertFalse(body.contains("<script>alert") || body.contains("<img src=x"), body);
    assertFalse(body.contains(flagger.id().toString()) || body.contains("Page flagger"), "no flagger identities");

    PageSession stranger = PageSession.signIn(server, flagger.email(), CommunitySupport.PASSWORD);
    assertFalse(stranger.get("/forums").body().contains("href=\"/forums/flags\""));
    assertEquals(403, stranger.get("/forums/flags").statusCode());
    String strangerToken = stranger.formToken("/forums");
    assertEquals(403, stranger.postForm("/forums/flags/" + post, Map.of("csrf", strangerToken, "outcome", "hidden"))
        .statusCode());
    assertEquals(403, moderator.postForm("/forums/flags/" + post, Map.of("outcome", "hidden")).statusCode(),
        "no form token");
    assertEquals(0, audited(post));

    String token = moderator.formToken("/forums/flags");
    HttpResponse<String> hidden = moderator.postForm("/forums/flags/" + post, Map.of("csrf", token, "outcome",
        "hidden"));
    assertEquals(303, hidden.statusCode(), hidden.body());
    assertEquals(1, community.count("select count(*) from forum_post where id = '" + post + "' and hidden"));
    assertEquals(1, community.count("select count(*) from forum_flag where post_id = '" + post
        + "' and outcome = 'hidden' and resolved_by = '" + otherCoordinator.id() + "'"));
    assertEquals(1, audited(post));
    assertFalse(moderator.get("/forums/flags").body().contains("quollpost"));
  }

  @Test
  void eachModerationActionLeavesOneAuditEventAndARefusedOneLeavesNone() throws Exception {
    Member author = community.member("Audited author");
    String thread = ForumsIT.startThread(author, GROUP, "Audited thread", "Opening");
    String post = ForumsIT.reply(author, thread, "A reply to hide");
    String threads = "/community/forums/threads/" + thread;
    String posts = "/community/forums/posts/" + post;

    assertEquals(403, author.api().putJson(posts + "/hidden", "{\"hidden\": true}").statusCode());
    assertEquals(403, author.api().putJson(threads + "/hidden", "{\"hidden\": true}").statusCode());
    assertEquals(403, author.api().putJson(threads + "/locked", "{\"locked\": true}").statusCode());
    assertEquals(403, coordinator.api().putJson(threads + "/category", "{\"category\": \"general\"}").statusCode(),
        "general categories are the platform admins'");
    PageSession authorPage = PageSession.signIn(server, author.email(), CommunitySupport.PASSWORD);
    String authorToken = authorPage.formToken("/forums/t/" + thread);
    assertEquals(403, authorPage.postForm("/forums/t/" + thread + "/moderation", Map.of("csrf", authorToken,
        "action", "lock")).statusCode());
    assertEquals(0, audited(thread) + audited(post), "refused actions leave no audit event");

    assertEquals(200, coordinator.api().putJson(posts + "/hidden", "{\"hidden\": true}").statusCode());
    assertEquals(200, coordinator.api().putJson(posts + "/hidden", "{\"hidden\": false}").statusCode());
    assertEquals(200, coordinator.api().putJson(threads + "/locked", "{\"locked\": true}").statusCode());
    assertEquals(200, coordinator.api().putJson(threads + "/locked", "{\"locked\": false}").statusCode());
    assertEquals(200, coordinator.api().putJson(threads + "/hidden", "{\"hidden\": true}").statusCode());
    PageSession moderator = PageSession.signIn(server, coordinator.email(), CommunitySupport.PASSWORD);
    String token = moderator.formToken("/forums/t/" + thread);
    assertEquals(303, moderator.postForm("/forums/t/" + thread + "/moderation", Map.of("csrf", token,
        "action", "show")).statusCode());
    assertEquals(200, server.putJson(threads + "/category", "{\"category\": \"general\"}").statusCode());

    assertEquals(List.of("forum.post.hidden", "forum.post.shown"), actions(post, coordinator));
    assertEquals(List.of("forum.thread.locked", "forum.thread.unlocked", "forum.thread.hidden", "forum.thread.shown"),
        actions(thread, coordinator));
    assertEquals(1, community.count("select count(*) from audit_event where action = 'forum.thread.moved' and"
        + " subject = '" + thread + "' and detail->>'from' = '" + GROUP + "' and detail->>'to' = 'general'"
        + " and at > now() - interval '1 minute'"));
  }

  /**
   * Who may read the queue and act on a flagged post, one column per caller: anonymous, member, coordinator of the
   * post's group, coordinator of another group, platform admin. Every cell gets a fresh flagged post, so one caller's
   * success cannot change the next one's answer.
   */
  @Test
  void everyCallerAgainstTheQueueAndItsActions() {
    Member author = community.member("Matrix author");
    Member flagger = community.member("Matrix flagger");
    Member member = community.member("Matrix member");
    List<TestServer> callers = List.of(server.anonymous(), member.api(), coordinator.api(), otherCoordinator.api(),
        server);
    Object[][] matrix = {
        {"read the queue", null, new int[] {401, 403, 200, 200, 200}},
        {"dismiss in the group's category", GROUP, new int[] {401, 403, 200, 403, 200}},
        {"hide in the group's category", GROUP, new int[] {401, 403, 200, 403, 200}},
        {"dismiss in a general category", "general", new int[] {401, 403, 403, 403, 200}},
    };
    List<String> failures = new ArrayList<>();
    for (Object[] row : matrix) {
      int[] expected = (int[]) row[2];
      for (int i = 0; i < callers.size(); i++) {
        HttpResponse<String> response;
        if (row[1] == null) {
          response = callers.get(i).get("/community/forums/flags", "application/json");
        } else {
          String thread = ForumsIT.startThread(author, (String) row[1], "Matrix thread", "Opening");
          String post = ForumsIT.reply(author, thread, "Matrix reply");
          flag(flagger, post, "matrix");
          String outcome = ((String) row[0]).startsWith("hide") ? "hidden" : "dismissed";
          response = callers.get(i).postJson("/community/forums/posts/" + post + "/flags/resolution",
              "{\"outcome\": \"" + outcome + "\"}");
        }
        if (response.statusCode() != expected[i]) {
          failures.add(row[0] + " as caller " + i + ": " + response.statusCode() + " not " + expected[i]);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  private static void flag(Member who, String post, String reason) {
    HttpResponse<String> flagged = who.api().postJson("/community/forums/posts/" + post + "/flags",
        org.saypro.dcop.core.json.Json.writeString(org.saypro.dcop.core.json.Json.newObject().put("reason",
            reason)));
    assertEquals(201, flagged.statusCode(), flagged.body());
  }

  private static long audited(String subject) throws Exception {
    return community.count("select count(*) from audit_event where subject = '" + subject + "'");
  }

  /** The audit actions on the subject by that actor, oldest first. */
  private static List<String> actions(String subject, Member actor) throws Exception {
    List<String> actions = new ArrayList<>();
    try (Connection c = server.sql(); ResultSet r = c.createStatement().executeQuery("select action from audit_event"
        + " where subject = '" + subject + "' and actor = '" + actor.id() + "' order by id")) {
      while (r.next()) {
        actions.add(r.getString(1));
      }
    }
    return actions;
  }

  private static List<String> postIds(HttpResponse<String> queue) {
    assertEquals(200, queue.statusCode(), queue.body());
    return texts(TestServer.json(queue).get("posts"), "postId");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.get(field).asText()));
    return texts;
  }
}
