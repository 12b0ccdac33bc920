package org.saypro.dcop.community.pages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.forums.Category;
import org.saypro.dcop.community.forums.FlagOutcome;
import org.saypro.dcop.community.forums.FlaggedPost;
import org.saypro.dcop.community.forums.ForumPost;
import org.saypro.dcop.community.forums.ForumThread;
import org.saypro.dcop.community.forums.Forums;
import org.saypro.dcop.community.forums.MarkdownRenderer;
import org.saypro.dcop.community.forums.Mentions;
import org.saypro.dcop.community.forums.Moderation;
import org.saypro.dcop.community.forums.Reactions;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.community.support.Page;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * The forums as pages without JavaScript: every action is a form with the session's form token, answered with a
 * redirect back to the thread. Pages are for signed-in members, like the API.
 */
@Controller("/forums")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ForumPagesController {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final int MAX_QUERY = 200;

  private final Forums forums;
  private final Moderation moderation;
  private final Mentions mentions;
  private final CommunityAccess access;
  private final FormTokens formTokens;
  private final Pages pages;

  ForumPagesController(Forums forums, Moderation moderation, Mentions mentions, CommunityAccess access,
      FormTokens formTokens, Pages pages) {
    this.forums = forums;
    this.moderation = moderation;
    this.mentions = mentions;
    this.access = access;
    this.formTokens = formTokens;
    this.pages = pages;
  }

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> index(@Nullable Authentication authentication, HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    List<Map<String, Object>> categories = forums.categories().stream().map(c -> Map.<String, Object>of(
        "slug", c.slug(), "name", c.name(), "description", c.description())).toList();
    return HttpResponse.ok(pages.view("forums/index", request, Map.of("categories", categories,
        "mentions", mentions.preference(caller.user().id()), "modes", Mentions.MODES,
        "moderator", access.readsFlagQueue(caller))));
  }

  @Post(uri = "/notifications", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> notifications(@Nullable Authentication authentication, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    String mode = String.valueOf(form.get("mentions"));
    if (!Mentions.MODES.contains(mode)) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "mentions are immediate, daily or off");
    }
    mentions.setPreference(caller.user().id(), mode);
    return HttpResponse.seeOther(URI.create("/forums"));
  }

  @Get(uri = "/c/{slug}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> category(@Nullable Authentication authentication, String slug,
      @Nullable @QueryValue String cursor, HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    Category category = forums.category(slug);
    Page<ForumThread> page = forums.threads(category, access.moderates(caller, category.group()),
        PageModels.page(cursor));
    Map<String, Object> values = PageModels.paged(page, t -> Map.of("id", t.id().toString(), "title", t.title(),
        "author", t.authorName(), "when", WHEN.format(t.createdAt()), "state", state(t)));
    values.put("category", Map.of("slug", category.slug(), "name", category.name(), "description",
        category.description()));
    return HttpResponse.ok(pages.view("forums/category", request, values));
  }

  @Post(uri = "/c/{slug}/threads", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> start(@Nullable Authentication authentication, String slug, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    Category category = forums.category(slug);
    Fields fields = fields(form);
    Optional<String> title = fields.text("title", ForumThread.MAX_TITLE, true);
    Optional<String> body = fields.text("body", MarkdownRenderer.MAX_SOURCE, true);
    fields.done("the thread");
    return toThread(forums.startThread(category, title.get(), body.get(), caller.user().id()));
  }

  @Get(uri = "/t/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> thread(@Nullable Authentication authentication, String id, @Nullable @QueryValue String cursor,
      HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    ForumThread thread = visibleThread(caller, id);
    Category category = forums.category(thread.category());
    boolean moderator = access.moderates(caller, category.group());
    boolean owner = moderator || caller.user().id().equals(thread.authorId());
    Optional<UUID> opening = forums.openingPost(thread);
    Map<String, Object> values = PageModels.paged(forums.posts(thread, moderator, PageModels.page(cursor)),
        p -> post(p, thread, owner && opening.filter(p.id()::equals).isEmpty()));
    values.put("posts", values.remove("items"));
    values.put("thread", Map.of("id", thread.id().toString(), "title", thread.title(), "state", state(thread),
        "locked", thread.locked(), "hidden", thread.hidden()));
    values.put("category", Map.of("slug", category.slug(), "name", category.name()));
    values.put("moderator", moderator);
    values.put("reactionKinds", Reactions.KINDS);
    values.put("categories", forums.categories().stream().map(Category::slug).toList());
    return HttpResponse.ok(pages.view("forums/thread", request, values));
  }

  @Post(uri = "/t/{id}/replies", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> reply(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    ForumThread thread = visibleThread(caller, id);
    Fields fields = fields(form);
    Optional<String> body = fields.text("body", MarkdownRenderer.MAX_SOURCE, true);
    fields.done("the reply");
    forums.reply(thread, body.get(), caller.user().id());
    return toThread(thread.id());
  }

  @Post(uri = "/t/{id}/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> accept(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    ForumThread thread = visibleThread(caller, id);
    access.threadOwner(authentication, thread.authorId(), forums.category(thread.category()).group());
    forums.accept(thread, uuid(form.get("post"), "post"));
    return toThread(thread.id());
  }

  @Post(uri = "/p/{id}/react", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> react(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    ForumPost post = visiblePost(caller, id);
    forums.react(post, caller.user().id(), String.valueOf(form.get("kind")));
    return toThread(post.threadId());
  }

  @Post(uri = "/p/{id}/flag", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> flag(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    ForumPost post = visiblePost(caller, id);
    Fields fields = fields(form);
    Optional<String> reason = fields.text("reason", Moderation.MAX_REASON, true);
    fields.done("the flag");
    moderation.flag(post, caller.user().id(), reason.get());
    return toThread(post.threadId());
  }

  @Post(uri = "/p/{id}/visibility", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> visibility(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    ForumPost post = moderatedPost(authentication, id);
    moderation.hidePost(post, "hide".equals(form.get("action")), caller.user().id());
    return toThread(post.threadId());
  }

  /** One form for the thread's moderation: lock, unlock, hide, show, or move to the chosen category. */
  @Post(uri = "/t/{id}/moderation", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> moderate(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    UUID moderator = formSender(authentication, form, request).user().id();
    ForumThread thread = forums.thread(uuid(id, "thread"));
    access.forumModerator(authentication, forums.category(thread.category()).group());
    switch (String.valueOf(form.get("action"))) {
      case "lock" -> moderation.lock(thread, true, moderator);
      case "unlock" -> moderation.lock(thread, false, moderator);
      case "hide" -> moderation.hideThread(thread, true, moderator);
      case "show" -> moderation.hideThread(thread, false, moderator);
      case "move" -> {
        Category to = forums.category(String.valueOf(form.get("category")));
        access.forumModerator(authentication, to.group());
        moderation.move(thread, to, moderator);
      }
      default -> throw new ProblemException(ProblemType.INVALID_REQUEST, "the action is lock, unlock, hide, show"
          + " or move");
    }
    return toThread(thread.id());
  }

  /**
   * The moderators' queue: posts with open flags in the categories the caller moderates, each with a form to hide
   * the post or dismiss its flags. Reasons are shown as written (escaped), flaggers only as a count.
   */
  @Get(uri = "/flags", produces = MediaType.TEXT_HTML)
  HttpResponse<?> flags(@Nullable Authentication authentication, @Nullable @QueryValue String cursor,
      HttpRequest<?> request) {
    Caller caller = access.flagQueueReader(authentication);
    Page<FlaggedPost> page = moderation.queue(access.moderatedGroups(caller), PageModels.page(cursor));
    return HttpResponse.ok(pages.view("forums/flags", request, PageModels.paged(page, f -> Map.of(
        "postId", f.postId().toString(), "threadId", f.threadId().toString(), "thread", f.threadTitle(),
        "category", f.category(), "excerpt", f.excerpt(), "hidden", f.hidden(), "reasons", f.reasons(),
        "flaggers", f.flaggers(), "since", WHEN.format(f.firstFlaggedAt())))));
  }

  @Post(uri = "/flags/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> resolve(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    ForumPost post = moderatedPost(authentication, id);
    FlagOutcome outcome = FlagOutcome.byCode(String.valueOf(form.get("outcome"))).orElseThrow(() ->
        new ProblemException(ProblemType.INVALID_REQUEST, "the outcome is hidden or dismissed"));
    moderation.resolve(post, outcome, caller.user().id());
    return HttpResponse.seeOther(URI.create("/forums/flags"));
  }

  @Get(uri = "/search", produces = MediaType.TEXT_HTML)
  HttpResponse<?> search(@Nullable Authentication authentication, @QueryValue("q") @Nullable String q,
      @Nullable @QueryValue String cursor, HttpRequest<?> request) {
    access.signedIn(authentication);
    Map<String, Object> values;
    if (q == null || q.isBlank()) {
      values = new HashMap<>(Map.of("items", List.of(), "searched", false));
    } else {
      Fields fields = fields(Map.of("q", q));
      Optional<String> query = fields.text("q", MAX_QUERY, true);
      fields.done("the search");
      values = PageModels.paged(forums.search(query.get(), PageModels.page(cursor)), h -> Map.of("id",
          h.threadId().toString(), "title", h.title(), "category", h.category()));
      values.put("searched", true);
    }
    values.put("query", q == null ? "" : q);
    return HttpResponse.ok(pages.view("forums/search", request, values));
  }

  /** The signed-in member who sent the form, when it carries their session's form token. */
  private Caller formSender(@Nullable Authentication authentication, Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    return caller;
  }

  /** The post, when the caller moderates its category (403 otherwise). */
  private ForumPost moderatedPost(@Nullable Authentication authentication, String id) {
    ForumPost post = forums.post(uuid(id, "post"));
    access.forumModerator(authentication, forums.category(forums.thread(post.threadId()).category()).group());
    return post;
  }

  /** The post, unless it or its thread is hidden from this caller (404, as for the API). */
  private ForumPost visiblePost(Caller caller, String id) {
    ForumPost post = forums.post(uuid(id, "post"));
    ForumThread thread = visibleThread(caller, post.threadId().toString());
    if (post.hidden() && !access.moderates(caller, forums.category(thread.category()).group())) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no post has the id " + id);
    }
    return post;
  }

  private ForumThread visibleThread(Caller caller, String id) {
    ForumThread thread = forums.thread(uuid(id, "thread"));
    if (thread.hidden() && !access.moderates(caller, forums.category(thread.category()).group())) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no thread has the id " + id);
    }
    return thread;
  }

  /**
   * A post for the thread template. "html" is the sanitised HTML MarkdownRenderer stored with the post: the one value
   * the template writes with th:utext.
   */
  private static Map<String, Object> post(ForumPost p, ForumThread thread, boolean acceptable) {
    Map<String, Object> model = new HashMap<>();
    model.put("id", p.id().toString());
    model.put("author", p.authorName());
    model.put("when", WHEN.format(p.createdAt()));
    model.put("html", p.html());
    model.put("hidden", p.hidden());
    model.put("accepted", thread.acceptedPost().filter(p.id()::equals).isPresent());
    model.put("acceptable", acceptable && !p.hidden());
    model.put("reactions", p.reactions().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    return model;
  }

  private static String state(ForumThread t) {
    return (t.hidden() ? "hidden " : "") + (t.locked() ? "locked " : "") + (t.acceptedPost().isPresent()
        ? "answered" : "");
  }

  /** Form fields read with the same rules as the API's JSON fields. */
  private static Fields fields(Map<String, String> form) {
    ObjectNode body = Json.newObject();
    form.forEach(body::put);
    return new Fields(body);
  }

  private static UUID uuid(@Nullable String text, String what) {
    try {
      return UUID.fromString(String.valueOf(text));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no " + what + " has the id " + text);
    }
  }

  private static HttpResponse<?> toThread(UUID thread) {
    return HttpResponse.seeOther(URI.create("/forums/t/" + thread));
  }
}
