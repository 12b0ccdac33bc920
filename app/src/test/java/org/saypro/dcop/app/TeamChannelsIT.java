package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;
import org.saypro.dcop.core.json.Json;

/** Team channels: members read and post; everyone else gets 403, finds nothing and is never mailed the content. */
class TeamChannelsIT {

  private static final String GROUP = "funding";

  @TempDir static Path dataDir;
  static TestServer server;
  static CommunitySupport community;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, TestServer.freePort(), CommunitySupport.PROPERTIES);
    community = new CommunitySupport(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String taskForce(Member owner, String name) {
    HttpResponse<String> created = owner.api().postJson("/community/channels",
        Json.writeString(Json.newObject().put("kind", "task-force").put("name", name)));
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(TestServer.json(created).get("private").asBoolean(), "channels are private unless said otherwise");
    return TestServer.json(created).get("id").asText();
  }

  static void addMember(Member admin, String channel, Member member) {
    HttpResponse<String> added = admin.api().putJson("/community/channels/" + channel + "/members/" + member.id(), "");
    assertEquals(201, added.statusCode(), added.body());
  }

  static String post(Member author, String channel, String body) {
    HttpResponse<String> created = author.api().postJson("/community/channels/" + channel + "/messages",
        Json.writeString(Json.newObject().put("body", body)));
    assertEquals(201, created.statusCode(), created.body());
    return TestServer.json(created).get("id").asText();
  }

  @Test
  void channelPrivacyNonMemberGets403AndFindsNothingInSearch() {
    Member owner = community.member("Channel owner");
    Member member = community.member("Channel member");
    Member outsider = community.member("Channel outsider");
    String channel = taskForce(owner, "Bursary task force");
    addMember(owner, channel, member);

    String message = post(member, channel, "The **quokkafund** shortlist is ready");
    JsonNode read = TestServer.json(owner.api().get("/community/channels/" + channel, "application/json"));
    assertEquals(message, read.get("messages").get(0).get("id").asText());
    assertTrue(read.get("messages").get(0).get("html").asText().contains("<strong>quokkafund</strong>"));
    assertEquals(List.of(channel), ids(member.api().get("/community/channels", "application/json"), "channels",
        "id"));

    assertEquals(403, outsider.api().get("/community/channels/" + channel, "application/json").statusCode());
    assertEquals(403, outsider.api().postJson("/community/channels/" + channel + "/messages",
        "{\"body\": \"let me in\"}").statusCode());
    assertEquals(403, outsider.api().putJson("/community/channels/" + channel + "/members/" + outsider.id(), "")
        .statusCode(), "only admins add members");
    assertEquals(List.of(), ids(outsider.api().get("/community/channels", "application/json"), "channels", "id"));
    assertEquals(List.of(), channelHits(outsider, "quokkafund"), "channel search filters by membership");
    assertEquals(List.of(message), channelHits(member, "quokkafund"));
    for (Member anyone : List.of(outsider, member)) {
      assertEquals(List.of(), ids(anyone.api().get("/community/forums/search?q=quokkafund", "application/json"),
          "threads", "threadId"), "the forum search never reaches channel messages");
      HttpResponse<String> page = PageSession.signIn(server, anyone.email(), CommunitySupport.PASSWORD)
          .get("/forums/search?q=quokkafund");
      assertEquals(200, page.statusCode());
      assertFalse(page.body().contains("shortlist") || page.body().contains("/channels/"), page.body());
    }
    assertEquals(404, outsider.api().get("/community/channels/" + java.util.UUID.randomUUID(), "application/json")
        .statusCode());
  }

  @Test
  void mentionsMailOnlyMembersAndNeverTheText() throws Exception {
    Member owner = community.member("Mention owner");
    Member member = community.member("Mentioned member");
    Member outsider = community.member("Mentioned outsider");
    CommunitySupport.consent(member, "mentions");
    CommunitySupport.consent(outsider, "mentions");
    String channel = taskForce(owner, "Audit task force");
    addMember(owner, channel, member);
    post(owner, channel, "Secret wallabyplan for @" + member.email() + " and @" + outsider.email());

    assertEquals(0, community.count("select count(*) from email_outbox where to_address = '" + outsider.email()
        + "'"), "a non-member mentioned in a private channel is not told");
    assertEquals(1, community.count("select count(*) from email_outbox where to_address = '" + member.email()
        + "' and subject = 'You were mentioned in Audit task force' and body_text like '%/channels/" + channel
        + "%'"));
    assertEquals(0, community.count("select count(*) from email_outbox where body_text like '%wallabyplan%'"
        + " or subject like '%wallabyplan%'"), "the e-mail never carries the message");
  }

  @Test
  void aRemovedMemberLosesAccessAtOnceAndAuthorsChangeTheirOwnMessages() {
    Member owner = community.member("Removing owner");
    Member member = community.member("Removed member");
    String channel = taskForce(owner, "Short-lived task force");
    addMember(owner, channel, member);
    String message = post(member, channel, "numbatnotes draft");
    assertEquals(403, owner.api().putJson("/community/channels/" + channel + "/messages/" + message,
        "{\"body\": \"not mine\"}").statusCode(), "only the author edits");
    HttpResponse<String> edited = member.api().putJson("/community/channels/" + channel + "/messages/" + message,
        "{\"body\": \"numbatnotes final\"}");
    assertEquals(200, edited.statusCode(), edited.body());
    assertTrue(TestServer.json(edited).has("editedAt"));
    assertEquals(400, member.api().postJson("/community/channels/" + channel + "/messages", "{\"body\": \"\"}")
        .statusCode());

    assertEquals(204, owner.api().delete("/community/channels/" + channel + "/members/" + member.id())
        .statusCode());
    assertEquals(403, member.api().get("/community/channels/" + channel, "application/json").statusCode());
    assertEquals(403, member.api().postJson("/community/channels/" + channel + "/messages", "{\"body\": \"hi\"}")
        .statusCode());
    assertEquals(List.of(), channelHits(member, "numbatnotes"));
    assertEquals(403, member.api().delete("/community/channels/" + channel + "/messages/" + message).statusCode());
    assertEquals(403, owner.api().delete("/community/channels/" + channel + "/messages/" + message).statusCode(),
        "the owner cannot delete another's message");
    assertEquals(403, owner.api().delete("/community/channels/" + channel + "/members/" + owner.id()).statusCode(),
        "the owner stays");
  }

  @Test
  void groupChannelsFollowTheGroupAndItsCoordinators() {
    Member coordinator = community.coordinator("Channel coordinator", GROUP);
    Member joiner = community.member("Group joiner");
    assertEquals(201, joiner.api().postJson("/community/groups/" + GROUP + "/members", "").statusCode());
    assertEquals(403, joiner.api().postJson("/community/channels", "{\"kind\": \"group\", \"name\": \"x\","
        + " \"group\": \"" + GROUP + "\"}").statusCode(), "only coordinators open group channels");
    HttpResponse<String> bad = coordinator.api().postJson("/community/channels", "{\"kind\": \"guild\"}");
    assertEquals(400, bad.statusCode());
    assertEquals(List.of("/kind", "/name"), ids(bad, "errors", "pointer"));

    String everyone = TestServer.json(coordinator.api().postJson("/community/channels", "{\"kind\": \"group\","
        + " \"name\": \"Funding members\", \"group\": \"" + GROUP + "\"}")).get("id").asText();
    String leads = TestServer.json(coordinator.api().postJson("/community/channels", "{\"kind\": \"group\","
        + " \"name\": \"Funding coordinators\", \"group\": \"" + GROUP + "\", \"audience\": \"coordinators\"}"))
        .get("id").asText();
    post(joiner, everyone, "hello group");
    assertEquals(403, joiner.api().get("/community/channels/" + leads, "application/json").statusCode());
    assertEquals(200, coordinator.api().get("/community/channels/" + leads, "application/json").statusCode());

    assertEquals(204, joiner.api().delete("/community/groups/" + GROUP + "/members/me").statusCode());
    assertEquals(403, joiner.api().get("/community/channels/" + everyone, "application/json").statusCode(),
        "leaving the group ends access at once");
  }

  @Test
  void anonymousGets401AndPageFormsNeedTheFormToken() {
    Member owner = community.member("Page owner");
    Member outsider = community.member("Page outsider");
    String channel = taskForce(owner, "Page task force");
    assertEquals(401, server.anonymous().get("/community/channels", "application/json").statusCode());
    assertEquals(401, server.anonymous().get("/community/channels/" + channel, "application/json").statusCode());
    assertEquals(401, server.anonymous().postJson("/community/channels/" + channel + "/messages",
        "{\"body\": \"b\"}").statusCode());
    assertEquals(401, server.anonymous().get("/community/channels/search?q=x", "application/json").statusCode());
    assertEquals(3, PageSession.visitor(server).get("/channels").statusCode() / 100, "visitors are sent to sign in");

    PageSession browser = PageSession.signIn(server, owner.email(), CommunitySupport.PASSWORD);
    assertTrue(browser.get("/channels").body().contains("/channels/" + channel));
    String token = browser.formToken("/channels/" + channel);
    Map<String, String> message = Map.of("body", "A <script>alert(1)</script> *dingoreport*");
    assertEquals(403, browser.postForm("/channels/" + channel + "/messages", message).statusCode(), "no form token");
    HttpResponse<String> posted = browser.postForm("/channels/" + channel + "/messages",
        Map.of("csrf", token, "body", message.get("body")));
    assertEquals(303, posted.statusCode(), posted.body());
    String page = browser.get("/channels/" + channel).body();
    assertTrue(page.contains("<em>dingoreport</em>") && page.contains("&lt;script&gt;"), page);
    assertFalse(page.contains("<script>alert"), page);
    assertTrue(browser.get("/channels?q=dingoreport").body().contains("/channels/" + channel));

    PageSession stranger = PageSession.signIn(server, outsider.email(), CommunitySupport.PASSWORD);
    assertEquals(403, stranger.get("/channels/" + channel).statusCode());
    assertFalse(stranger.get("/channels?q=dingoreport").body().contains("/channels/" + channel));
    String strangerToken = stranger.formToken("/channels");
    assertEquals(403, stranger.postForm("/channels/" + channel + "/messages", Map.of("csrf", strangerToken,
        "body", "let me in")).statusCode());
  }

  @Test
  void theDirectoryListsOpenAndOwnChannelsByKindButNeverAnotherMembersPrivateOne() {
    Member owner = community.member("Directory owner");
    Member member = community.member("Directory member");
    Member outsider = community.member("Directory outsider");
    Member coordinator = community.coordinator("Directory coordinator", "curriculum-innovation");
    String secret = taskForce(owner, "Secret numbat task force");
    addMember(owner, secret, member);
    HttpResponse<String> created = owner.api().postJson("/community/channels",
        "{\"kind\": \"task-force\", \"name\": \"Open bilby task force\", \"private\": false}");
    assertEquals(201, created.statusCode(), created.body());
    String open = TestServer.json(created).get("id").asText();
    String group = TestServer.json(coordinator.api().postJson("/community/channels", "{\"kind\": \"group\","
        + " \"name\": \"Curriculum circle\", \"group\": \"curriculum-innovation\"}")).get("id").asText();

    Map<String, JsonNode> seen = directory(outsider);
    assertTrue(seen.containsKey(open), "open channels are listed for everyone");
    assertFalse(seen.containsKey(secret) || seen.containsKey(group), "private channels of others are absent");
    assertFalse(seen.get(open).get("member").asBoolean());
    assertEquals(1, seen.get(open).get("members").asInt());
    assertEquals("task-force", seen.get(open).get("kind").asText());

    Map<String, JsonNode> mine = directory(member);
    assertTrue(mine.get(secret).get("member").asBoolean());
    assertEquals(2, mine.get(secret).get("members").asInt());
    Map<String, JsonNode> coordinated = directory(coordinator);
    assertEquals("group", coordinated.get(group).get("kind").asText());
    assertEquals(1, coordinated.get(group).get("members").asInt(), "the coordinator is its one member so far");
    assertFalse(coordinated.containsKey(secret));

    String page = PageSession.signIn(server, outsider.email(), CommunitySupport.PASSWORD).get("/channels").body();
    assertTrue(page.contains("Open bilby task force") && page.contains("Task forces"), page);
    assertFalse(page.contains("Secret numbat") || page.contains(secret) || page.contains("Curriculum circle"),
        page);
    assertFalse(page.contains("/channels/" + open), "a non-member gets no link into the channel");
    String memberPage = PageSession.signIn(server, coordinator.email(), CommunitySupport.PASSWORD).get("/channels")
        .body();
    assertTrue(memberPage.contains("Working group channels") && memberPage.contains("/channels/" + group),
        memberPage);
  }

  private static Map<String, JsonNode> directory(Member who) {
    HttpResponse<String> response = who.api().get("/community/channels/directory?limit=100", "application/json");
    assertEquals(200, response.statusCode(), response.body());
    assertFalse(TestServer.json(response).has("next"), "one page holds this test's channels");
    Map<String, JsonNode> channels = new java.util.HashMap<>();
    TestServer.json(response).get("channels").forEach(c -> channels.put(c.get("id").asText(), c));
    return channels;
  }

  private static List<String> channelHits(Member member, String query) {
    return ids(member.api().get("/community/channels/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
        "application/json"), "messages", "messageId");
  }

  private static List<String> ids(HttpResponse<String> response, String list, String field) {
    assertTrue(response.statusCode() == 200 || response.statusCode() == 400, response.body());
    List<String> ids = new ArrayList<>();
    TestServer.json(response).get(list).forEach(n -> ids.add(n.get(field).asText()));
    return ids;
  }
}
