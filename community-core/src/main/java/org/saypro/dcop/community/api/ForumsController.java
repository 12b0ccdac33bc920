package org.saypro.dcop.community.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.forums.Acceptance;
import org.saypro.dcop.community.forums.Category;
import org.saypro.dcop.community.forums.FlagOutcome;
import org.saypro.dcop.community.forums.FlaggedPost;
import org.saypro.dcop.community.forums.ForumThread;
import org.saypro.dcop.community.forums.Forums;
import org.saypro.dcop.community.forums.MarkdownRenderer;
import org.saypro.dcop.community.forums.Mentions;
import org.saypro.dcop.community.forums.Moderation;
import org.saypro.dcop.community.forums.ForumPost;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.community.support.PageRequest;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The forums for signed-in members: threads, replies, answers, reactions, flags, moderation and search. */
@Controller("/community/forums")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Community")
class ForumsController {

  /** Longest search query, in characters. */
  static final int MAX_QUERY = 200;

  private final Forums forums;
  private final Moderation moderation;
  private final Mentions mentions;
  private final CommunityAccess access;

  ForumsController(Forums forums, Moderation moderation, Mentions mentions, CommunityAccess access) {
    this.forums = forums;
    this.moderation = moderation;
    this.mentions = mentions;
    this.access = access;
  }

  @Get(uri = "/categories", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The forum categories: general ones, then one per working group")
  HttpResponse<String> categories(@Nullable Authentication authentication) {
    access.signedIn(authentication);
    ArrayNode list = Json.mapper().createArrayNode();
    forums.categories().forEach(c -> list.add(category(c)));
    return CommunityJson.ok(Json.newObject().set("categories", list));
  }

  @Get(uri = "/categories/{slug}/threads", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The category's threads, most recently active first (hidden ones for its moderators)")
  HttpResponse<String> threads(@Nullable Authentication authentication, String slug,
      @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
    Caller caller = access.signedIn(authentication);
    Category category = forums.category(slug);
    PageRequest page = PageRequest.of(limit, cursor);
    return CommunityJson.ok(CommunityJson.page(Json.newObject(), "threads",
        forums.threads(category, access.moderates(caller, category.group()), page), ForumsController::thread));
  }

  @Post(uri = "/categories/{slug}/threads", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a thread (signed-in members)", description = "{\"title\", \"body\" (Markdown)}")
  HttpResponse<String> start(@Nullable Authentication authentication, String slug, @Body byte[] body) {
    Caller caller = access.signedIn(authentication);
    Category category = forums.category(slug);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> title = fields.text("title", ForumThread.MAX_TITLE, true);
    Optional<String> source = fields.text("body", MarkdownRenderer.MAX_SOURCE, true);
    fields.done("the thread");
    UUID id = forums.startThread(category, title.get(), source.get(), caller.user().id());
    return CommunityJson.created("/community/forums/threads/" + id, threadWithPosts(caller, forums.thread(id),
        PageRequest.first()));
  }

  @Get(uri = "/threads/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "A thread with a page of its posts, oldest first; each post has its Markdown source and its"
      + " sanitised HTML; \"next\" is the cursor of the following page")
  HttpResponse<String> one(@Nullable Authentication authentication, String id, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    Caller caller = access.signedIn(authentication);
    PageRequest page = PageRequest.of(limit, cursor);
    return CommunityJson.ok(threadWithPosts(caller, visibleThread(caller, id), page));
  }

  @Post(uri = "/threads/{id}/posts", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Reply to a thread that is not locked", description = "{\"body\" (Markdown)}")
  HttpResponse<String> reply(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Caller caller = access.signedIn(authentication);
    ForumThread thread = visibleThread(caller, id);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> source = fields.text("body", MarkdownRenderer.MAX_SOURCE, true);
    fields.done("the reply");
    UUID post = forums.reply(thread, source.get(), caller.user().id());
    return CommunityJson.created("/community/forums/threads/" + thread.id(), post(forums.post(post)));
  }

  @Put(uri = "/threads/{id}/accepted", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Accept a reply as the answer (the thread's author or its moderators); emits answer.accepted",
      description = "{\"postId\"}")
  HttpResponse<String> accept(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Caller caller = access.signedIn(authentication);
    ForumThread thread = visibleThread(caller, id);
    access.threadOwner(authentication, thread.authorId(), forums.category(thread.category()).group());
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> post = fields.text("postId", 36, true);
    fields.done("the answer");
    Acceptance acceptance = forums.accept(thread, CommunityJson.uuid(post.get(), "post"));
    return CommunityJson.ok(Json.newObject().put("threadId", thread.id().toString())
        .put("acceptedPostId", acceptance.post().toString())
        .put("changed", acceptance instanceof Acceptance.Accepted));
  }

  @Put(uri = "/posts/{id}/reactions/{kind}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "React to a post: like, thanks or insightful; 201, or 200 if already reacted")
  HttpResponse<String> react(@Nullable Authentication authentication, String id, String kind) {
    Caller caller = access.signedIn(authentication);
    ForumPost post = visiblePost(caller, id);
    boolean added = forums.react(post, caller.user().id(), kind);
    return createdOrOk(added, post, Json.newObject().put("postId", post.id().toString()).put("kind", kind));
  }

  @Post(uri = "/posts/{id}/flags", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Flag a post for the moderators (signed-in members)", description = "{\"reason\"}")
  HttpResponse<String> flag(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Caller caller = access.signedIn(authentication);
    ForumPost post = visiblePost(caller, id);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> reason = fields.text("reason", Moderation.MAX_REASON, true);
    fields.done("the flag");
    boolean added = moderation.flag(post, caller.user().id(), reason.get());
    return createdOrOk(added, post, Json.newObject().put("postId", post.id().toString()));
  }

  @Put(uri = "/posts/{id}/hidden", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Hide or show a post (moderators)", description = "{\"hidden\": true | false}")
  HttpResponse<String> hidePost(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Caller caller = access.signedIn(authentication);
    ForumPost post = forums.post(CommunityJson.uuid(id, "post"));
    access.forumModerator(authentication, groupOf(forums.thread(post.threadId())));
    boolean hidden = flag(CommunityJson.body(body), "hidden");
    moderation.hidePost(post, hidden, caller.user().id());
    return CommunityJson.ok(Json.newObject().put("postId", post.id().toString()).put("hidden", hidden));
  }

  @Put(uri = "/threads/{id}/hidden", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Hide or show a thread (moderators)", description = "{\"hidden\": true | false}")
  HttpResponse<String> hideThread(@Nullable Authentication authentication, String id, @Body byte[] body) {
    ForumThread thread = moderated(authentication, id);
    moderation.hideThread(thread, flag(CommunityJson.body(body), "hidden"), moderator(authentication));
    return CommunityJson.ok(thread(forums.thread(thread.id())));
  }

  @Put(uri = "/threads/{id}/locked", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Lock or unlock a thread (moderators)", description = "{\"locked\": true | false}")
  HttpResponse<String> lock(@Nullable Authentication authentication, String id, @Body byte[] body) {
    ForumThread thread = moderated(authentication, id);
    moderation.lock(thread, flag(CommunityJson.body(body), "locked"), moderator(authentication));
    return CommunityJson.ok(thread(forums.thread(thread.id())));
  }

  @Put(uri = "/threads/{id}/category", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Move a thread to another category (moderators of both)", description = "{\"category\"}")
  HttpResponse<String> move(@Nullable Authentication authentication, String id, @Body byte[] body) {
    ForumThread thread = moderated(authentication, id);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> slug = fields.text("category", 40, true);
    fields.done("the move");
    Category to = forums.category(slug.get());
    access.forumModerator(authentication, to.group());
    moderation.move(thread, to, moderator(authentication));
    return CommunityJson.ok(thread(forums.thread(thread.id())));
  }

  @Get(uri = "/flags", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The moderators' queue: posts with open flags in the categories the caller moderates, most"
      + " flagged first; reasons and a count of flaggers, never who they are")
  HttpResponse<String> flags(@Nullable Authentication authentication, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    Caller caller = access.flagQueueReader(authentication);
    PageRequest page = PageRequest.of(limit, cursor);
    return CommunityJson.ok(CommunityJson.page(Json.newObject(), "posts",
        moderation.queue(access.moderatedGroups(caller), page), ForumsController::flagged));
  }

  @Post(uri = "/posts/{id}/flags/resolution", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Resolve a post's open flags (its moderators): hide the post, or dismiss the flags",
      description = "{\"outcome\": hidden | dismissed}")
  HttpResponse<String> resolve(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Caller caller = access.signedIn(authentication);
    ForumPost post = forums.post(CommunityJson.uuid(id, "post"));
    access.forumModerator(authentication, groupOf(forums.thread(post.threadId())));
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<FlagOutcome> outcome = outcome(fields, fields.text("outcome", 20, true));
    fields.done("the resolution");
    int resolved = moderation.resolve(post, outcome.get(), caller.user().id());
    return CommunityJson.ok(Json.newObject().put("postId", post.id().toString())
        .put("outcome", outcome.get().code()).put("flagsResolved", resolved));
  }

  /** The outcome field: hidden or dismissed. */
  static Optional<FlagOutcome> outcome(Fields fields, Optional<String> code) {
    Optional<FlagOutcome> outcome = code.flatMap(FlagOutcome::byCode);
    if (code.isPresent() && outcome.isEmpty()) {
      fields.error("outcome", "must be hidden or dismissed");
    }
    return outcome;
  }

  @Get(uri = "/notifications", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "How the caller hears of mentions: immediate, daily or off")
  HttpResponse<String> notifications(@Nullable Authentication authentication) {
    Caller caller = access.signedIn(authentication);
    return CommunityJson.ok(Json.newObject().put("mentions", mentions.preference(caller.user().id())));
  }

  @Put(uri = "/notifications", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Choose how to hear of mentions", description = "{\"mentions\": immediate | daily | off}")
  HttpResponse<String> setNotifications(@Nullable Authentication authentication, @Body byte[] body) {
    Caller caller = access.signedIn(authentication);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> mode = mentionMode(fields);
    fields.done("the notification setting");
    mentions.setPreference(caller.user().id(), mode.get());
    return CommunityJson.ok(Json.newObject().put("mentions", mode.get()));
  }

  /** The "mentions" field: one of {@link Mentions#MODES}. */
  static Optional<String> mentionMode(Fields fields) {
    Optional<String> mode = fields.text("mentions", 20, true);
    if (mode.isPresent() && !Mentions.MODES.contains(mode.get())) {
      fields.error("mentions", "must be immediate, daily or off");
      return Optional.empty();
    }
    return mode;
  }

  @Get(uri = "/search", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Full-text search of thread titles and visible posts (web search syntax)")
  HttpResponse<String> search(@Nullable Authentication authentication, @QueryValue("q") @Nullable String q,
      @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
    access.signedIn(authentication);
    String query = query(q);
    PageRequest page = PageRequest.of(limit, cursor);
    return CommunityJson.ok(CommunityJson.page(Json.newObject().put("query", query), "threads",
        forums.search(query, page), h -> Json.newObject().put("threadId", h.threadId().toString())
            .put("title", h.title()).put("category", h.category())));
  }

  /** The search words: 1 to {@value #MAX_QUERY} characters, else 400 naming q. */
  static String query(@Nullable String q) {
    Fields fields = new Fields(Json.newObject().put("q", q));
    Optional<String> query = fields.text("q", MAX_QUERY, true);
    fields.done("the search");
    return query.get();
  }

  /** 201 for something new on the post, 200 when the caller had done it already. */
  private static HttpResponse<String> createdOrOk(boolean added, ForumPost post, ObjectNode json) {
    return added ? CommunityJson.created("/community/forums/threads/" + post.threadId(), json)
        : CommunityJson.ok(json);
  }

  private UUID moderator(@Nullable Authentication authentication) {
    return access.signedIn(authentication).user().id();
  }

  private ForumThread moderated(@Nullable Authentication authentication, String id) {
    access.signedIn(authentication);
    ForumThread thread = forums.thread(CommunityJson.uuid(id, "thread"));
    access.forumModerator(authentication, groupOf(thread));
    return thread;
  }

  /** The thread, unless it is hidden from this caller: hidden threads are 404 to all but their moderators. */
  private ForumThread visibleThread(Caller caller, String id) {
    ForumThread thread = forums.thread(CommunityJson.uuid(id, "thread"));
    if (thread.hidden() && !access.moderates(caller, groupOf(thread))) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no thread has the id " + id);
    }
    return thread;
  }

  private ForumPost visiblePost(Caller caller, String id) {
    ForumPost post = forums.post(CommunityJson.uuid(id, "post"));
    ForumThread thread = forums.thread(post.threadId());
    if ((post.hidden() || thread.hidden()) && !access.moderates(caller, groupOf(thread))) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no post has the id " + id);
    }
    return post;
  }

  private Optional<String> groupOf(ForumThread thread) {
    return forums.category(thread.category()).group();
  }

  private ObjectNode threadWithPosts(Caller caller, ForumThread thread, PageRequest page) {
    return CommunityJson.page(thread(thread), "posts", forums.posts(thread, access.moderates(caller,
        groupOf(thread)), page), ForumsController::post);
  }

  private static ObjectNode flagged(FlaggedPost f) {
    ObjectNode json = Json.newObject().put("postId", f.postId().toString()).put("threadId", f.threadId().toString())
        .put("threadTitle", f.threadTitle()).put("category", f.category()).put("excerpt", f.excerpt())
        .put("hidden", f.hidden()).put("flaggers", f.flaggers()).put("firstFlaggedAt", f.firstFlaggedAt().toString());
    ArrayNode reasons = json.putArray("reasons");
    f.reasons().forEach(reasons::add);
    return json;
  }

  private static boolean flag(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || !value.isBoolean()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the request is not valid",
          List.of(new FieldError("/" + name, "must be true or false")));
    }
    return value.asBoolean();
  }

  private static ObjectNode category(Category c) {
    ObjectNode json = Json.newObject().put("slug", c.slug()).put("name", c.name()).put("description",
        c.description());
    c.group().ifPresent(g -> json.put("group", g));
    return json;
  }

  private static ObjectNode thread(ForumThread t) {
    ObjectNode json = Json.newObject().put("id", t.id().toString()).put("category", t.category())
        .put("title", t.title()).put("authorId", t.authorId().toString()).put("authorName", t.authorName())
        .put("locked", t.locked()).put("hidden", t.hidden()).put("createdAt", t.createdAt().toString());
    t.acceptedPost().ifPresent(p -> json.put("acceptedPostId", p.toString()));
    return json;
  }

  private static ObjectNode post(ForumPost p) {
    ObjectNode json = Json.newObject().put("id", p.id().toString()).put("threadId", p.threadId().toString())
        .put("authorId", p.authorId().toString()).put("authorName", p.authorName()).put("body", p.source())
        .put("html", p.html()).put("hidden", p.hidden()).put("createdAt", p.createdAt().toString());
    ObjectNode reactions = json.putObject("reactions");
    p.reactions().forEach(reactions::put);
    return json;
  }
}
