package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;

/**
 * Paging past the old 50-item caps: 120 threads, replies, search hits, channel messages and library resources,
 * walked page by page through the API's "next" cursors and the pages' "next" links: every item once, none missing.
 */
class CommunityPagingIT {

  private static final int ITEMS = 120;
  private static final String CATEGORY = "curriculum-innovation";
  private static final Pattern NEXT = Pattern.compile("rel=\"next\"\\s+href=\"([^\"]*)\"");

  @TempDir static Path dataDir;
  static TestServer server;
  static CommunitySupport community;
  static Member author;
  static PageSession browser;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, TestServer.freePort(), CommunitySupport.PROPERTIES);
    community = new CommunitySupport(server);
    author = community.member("Prolific author");
    browser = PageSession.signIn(server, author.email(), CommunitySupport.PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void threadsAndTheirSearchHitsPageThroughAll() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < ITEMS; i++) {
      created.add(ForumsIT.startThread(author, CATEGORY, "Platypusplan question " + i, "Body " + i));
    }
    assertEquals(created, walkApi("/community/forums/categories/" + CATEGORY + "/threads?limit=50", "threads",
        "id", 50));
    assertEquals(created, walkApi("/community/forums/categories/" + CATEGORY + "/threads?limit=100", "threads",
        "id", 100));
    assertEquals(created, walkPages("/forums/c/" + CATEGORY, Pattern.compile("href=\"/forums/t/([0-9a-f-]{36})\"")));
    assertEquals(created, walkApi("/community/forums/search?q=platypusplan&limit=50", "threads", "threadId", 50));
    assertEquals(created, walkPages("/forums/search?q=platypusplan",
        Pattern.compile("href=\"/forums/t/([0-9a-f-]{36})\"")));
  }

  @Test
  void aThreadsRepliesPageThroughAll() {
    String thread = ForumsIT.startThread(author, "general", "A long conversation", "Opening post");
    Set<String> created = new HashSet<>();
    created.add(TestServer.json(author.api().get("/community/forums/threads/" + thread, "application/json"))
        .get("posts").get(0).get("id").asText());
    for (int i = 1; i < ITEMS; i++) {
      created.add(ForumsIT.reply(author, thread, "Reply number " + i));
    }
    assertEquals(created, walkApi("/community/forums/threads/" + thread + "?limit=50", "posts", "id", 50));
    assertEquals(created, walkPages("/forums/t/" + thread, Pattern.compile("id=\"post-([0-9a-f-]{36})\"")));
  }

  @Test
  void aChannelsMessagesPageThroughAllNewestFirst() {
    String channel = TeamChannelsIT.taskForce(author, "Busy task force");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      created.add(TeamChannelsIT.post(author, channel, "Message " + i + " about echidnaplan"));
    }
    List<String> walked = walkApiInOrder("/community/channels/" + channel + "?limit=50", "messages", "id", 50);
    List<String> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);
    assertEquals(newestFirst, walked, "each next page is older, with none skipped or repeated");
    assertEquals(Set.copyOf(created), walkPages("/channels/" + channel,
        Pattern.compile("id=\"message-([0-9a-f-]{36})\"")));
    assertEquals(Set.copyOf(created), walkApi("/community/channels/search?q=echidnaplan&limit=100", "messages",
        "messageId", 100));
  }

  @Test
  void libraryListsPageThroughAll() throws Exception {
    // The published resources are written straight into the database: uploads and reviews are ResourceLibraryIT's
    // subject; here only the listing's paging is.
    Set<String> created = new HashSet<>();
    try (Connection c = server.sql();
        PreparedStatement resource = c.prepareStatement("insert into resource (id, title, kind, group_slug, tags,"
            + " licence, author_organisation, author_id, published_version, search) values (?, ?, 'toolkit',"
            + " 'funding', '{wombatkit}', 'CC-BY-4.0', 'SayPro', ?, 1, to_tsvector('english', ?))");
        PreparedStatement version = c.prepareStatement("insert into resource_version (resource_id, version,"
            + " storage_key, file_name, media_type, size_bytes, sha256, state, uploaded_by) values (?, 1, ?,"
            + " 'kit.pdf', 'application/pdf', 10, 'x', 'approved', ?)")) {
      for (int i = 0; i < ITEMS; i++) {
        UUID id = UUID.randomUUID();
        resource.setObject(1, id);
        resource.setString(2, "Wombat toolkit " + i);
        resource.setObject(3, author.id());
        resource.setString(4, "Wombat toolkit " + i);
        resource.executeUpdate();
        version.setObject(1, id);
        version.setString(2, UUID.randomUUID().toString().replace("-", ""));
        version.setObject(3, author.id());
        version.executeUpdate();
        created.add(id.toString());
      }
    }
    assertEquals(created, walkApi("/community/resources?tag=wombatkit&limit=50", "resources", "id", 50));
    assertEquals(created, walkApi("/community/resources?q=wombat&limit=50", "resources", "id", 50));
    assertEquals(created, walkPages("/library?tag=wombatkit&group=funding",
        Pattern.compile("href=\"/library/r/([0-9a-f-]{36})\"")));
  }

  @Test
  void pageSizesAndCursorsAreChecked() {
    String path = "/community/forums/categories/general/threads";
    for (String bad : List.of("?limit=101", "?limit=0", "?limit=many", "?cursor=nonsense", "?cursor=o5",
        "?cursor=k1_not-a-uuid")) {
      HttpResponse<String> response = author.api().get(path + bad, "application/json");
      assertEquals(400, response.statusCode(), bad + ": " + response.body());
      assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }
    HttpResponse<String> offsetTooFar = author.api().get("/community/forums/search?q=x&cursor=o10001",
        "application/json");
    assertEquals(400, offsetTooFar.statusCode(), offsetTooFar.body());
    assertEquals(400, browser.get("/forums/c/general?cursor=nonsense").statusCode());
  }

  /** Every id of every page, following "next" until the last page; fails on a repeated id or an oversized page. */
  private static Set<String> walkApi(String first, String list, String field, int limit) {
    List<String> ids = walkApiInOrder(first, list, field, limit);
    Set<String> unique = new HashSet<>(ids);
    assertEquals(ids.size(), unique.size(), "no item twice: " + ids);
    return unique;
  }

  private static List<String> walkApiInOrder(String first, String list, String field, int limit) {
    List<String> ids = new ArrayList<>();
    String path = first;
    for (int pages = 0; path != null; pages++) {
      assertTrue(pages < 20, "the walk ends");
      HttpResponse<String> response = author.api().get(path, "application/json");
      assertEquals(200, response.statusCode(), response.body());
      JsonNode json = TestServer.json(response);
      assertTrue(json.get(list).size() <= limit, "a page holds at most its limit");
      json.get(list).forEach(n -> ids.add(n.get(field).asText()));
      path = json.has("next") ? first + "&cursor=" + java.net.URLEncoder.encode(json.get("next").asText(),
          java.nio.charset.StandardCharsets.UTF_8) : null;
      if (path != null) {
        assertEquals(limit, json.get(list).size(), "only the last page is short");
      }
    }
    return ids;
  }

  /** The ids the pattern finds on each page, following the page's rel="next" link until there is none. */
  private static Set<String> walkPages(String first, Pattern item) {
    List<String> ids = new ArrayList<>();
    String path = first;
    for (int pages = 0; path != null; pages++) {
      assertTrue(pages < 20, "the walk ends");
      HttpResponse<String> page = browser.get(path);
      assertEquals(200, page.statusCode(), page.body());
      Matcher found = item.matcher(page.body());
      while (found.find()) {
        ids.add(found.group(1));
      }
      Matcher next = NEXT.matcher(page.body());
      path = next.find() ? next.group(1).replace("&amp;", "&") : null;
    }
    Set<String> unique = new HashSet<>(ids);
    assertEquals(ids.size(), unique.size(), "no item twice across pages");
    assertFalse(unique.isEmpty());
    return unique;
  }
}
