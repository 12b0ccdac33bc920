package org.saypro.dcop.community.forums;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.events.CommunityEvents;
import org.saypro.dcop.community.events.EventTypes;
import org.saypro.dcop.community.support.Keyset;
import org.saypro.dcop.community.support.Page;
import org.saypro.dcop.community.support.PageRequest;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Categories, threads and posts: reading them, writing threads and replies, accepting answers and reacting.
 * Callers decide who may do what (through CommunityAccess); this class keeps the forum consistent.
 */
@Singleton
public class Forums {

  private static final String THREAD_COLUMNS = "t.id, t.category, t.title, t.author_id, u.display_name, t.locked,"
      + " t.hidden, t.created_at, t.accepted_post_id, t.last_post_at";
  private static final String POST_COLUMNS = "p.id, p.thread_id, p.author_id, u.display_name, p.source, p.html,"
      + " p.hidden, p.created_at";

  private final JdbcOperations jdbc;
  private final MarkdownRenderer markdown;
  private final CommunityEvents events;
  private final Mentions mentions;

  Forums(JdbcOperations jdbc, MarkdownRenderer markdown, CommunityEvents events, Mentions mentions) {
    this.jdbc = jdbc;
    this.markdown = markdown;
    this.events = events;
    this.mentions = mentions;
  }

  @Transactional(readOnly = true)
  public List<Category> categories() {
    return Rows.list(jdbc, "select slug, name, description, group_slug from forum_category"
        + " order by group_slug nulls first, name", s -> { }, Forums::category);
  }

  @Transactional(readOnly = true)
  public Category category(String slug) {
    return Rows.one(jdbc, "select slug, name, description, group_slug from forum_category where slug = ?",
        s -> s.setString(1, slug), Forums::category)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no forum category is called " + slug));
  }

  /**
   * A page of the category's threads, most recently active first; hidden ones only for moderators. A thread that
   * gets a reply while someone pages moves above their cursor: it is not repeated further on, and heads page one.
   */
  @Transactional(readOnly = true)
  public Page<ForumThread> threads(Category category, boolean withHidden, PageRequest page) {
    Optional<Keyset> after = page.keyset();
    return page.keysetPage(Rows.list(jdbc, "select " + THREAD_COLUMNS + " from forum_thread t join app_user u"
        + " on u.id = t.author_id where t.category = ? and (? or not t.hidden)"
        + (after.isPresent() ? " and (t.last_post_at, t.id) < (?, ?)" : "")
        + " order by t.last_post_at desc, t.id desc limit ?", s -> {
          s.setString(1, category.slug());
          s.setBoolean(2, withHidden);
          int next = Keyset.bind(s, 3, after);
          s.setInt(next, page.fetch());
        }, Forums::thread), t -> new Keyset(t.lastPostAt(), t.id()));
  }

  /** The thread, or 404; a hidden thread is 404 too unless the caller moderates it. */
  @Transactional(readOnly = true)
  public ForumThread thread(UUID id) {
    return Rows.one(jdbc, "select " + THREAD_COLUMNS + " from forum_thread t join app_user u on u.id = t.author_id"
        + " where t.id = ?", s -> s.setObject(1, id), Forums::thread)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no thread has the id " + id));
  }

  /** A page of the thread's posts, oldest first; hidden ones only for moderators. */
  @Transactional(readOnly = true)
  public Page<ForumPost> posts(ForumThread thread, boolean withHidden, PageRequest page) {
    Optional<Keyset> after = page.keyset();
    Page<ForumPost> posts = page.keysetPage(Rows.list(jdbc, "select " + POST_COLUMNS + " from forum_post p"
        + " join app_user u on u.id = p.author_id where p.thread_id = ? and (? or not p.hidden)"
        + (after.isPresent() ? " and (p.created_at, p.id) > (?, ?)" : "")
        + " order by p.created_at, p.id limit ?", s -> {
          s.setObject(1, thread.id());
          s.setBoolean(2, withHidden);
          int next = Keyset.bind(s, 3, after);
          s.setInt(next, page.fetch());
        }, r -> post(r, Map.of())), p -> new Keyset(p.createdAt(), p.id()));
    Map<UUID, Map<String, Integer>> reactions = new HashMap<>();
    Rows.list(jdbc, "select post_id, kind, count(*) from forum_reaction where post_id = any (?)"
        + " group by post_id, kind", s -> s.setArray(1, s.getConnection().createArrayOf("uuid",
            posts.items().stream().map(ForumPost::id).toArray())), r -> {
              reactions.computeIfAbsent(r.getObject(1, UUID.class), k -> new HashMap<>()).put(r.getString(2),
                  r.getInt(3));
              return null;
            });
    return new Page<>(posts.items().stream().map(p -> p.withReactions(reactions.getOrDefault(p.id(), Map.of())))
        .toList(), posts.next());
  }

  /** The thread's opening post, which cannot be its answer. */
  @Transactional(readOnly = true)
  public Optional<UUID> openingPost(ForumThread thread) {
    return Rows.one(jdbc, "select id from forum_post where thread_id = ? order by created_at, id limit 1",
        s -> s.setObject(1, thread.id()), r -> r.getObject(1, UUID.class));
  }

  @Transactional(readOnly = true)
  public ForumPost post(UUID id) {
    return Rows.one(jdbc, "select " + POST_COLUMNS + " from forum_post p join app_user u on u.id = p.author_id"
        + " where p.id = ?",
        s -> s.setObject(1, id), r -> post(r, Map.of()))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no post has the id " + id));
  }

  /** Opens a thread with its first post; returns the thread's id. */
  @Transactional
  public UUID startThread(Category category, String title, String source, UUID author) {
    UUID id = UUID.randomUUID();
    Rows.update(jdbc, "insert into forum_thread (id, category, title, author_id) values (?, ?, ?, ?)", s -> {
      s.setObject(1, id);
      s.setString(2, category.slug());
      s.setString(3, title);
      s.setObject(4, author);
    });
    insertPost(id, title, source, author);
    return id;
  }

  /** Adds a reply to a visible, unlocked thread; returns the post's id. */
  @Transactional
  public UUID reply(ForumThread thread, String source, UUID author) {
    if (thread.hidden()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no thread has the id " + thread.id());
    }
    if (thread.locked()) {
      throw new ProblemException(ProblemType.FORBIDDEN, "the thread is locked: it takes no more replies");
    }
    UUID post = insertPost(thread.id(), thread.title(), source, author);
    Rows.update(jdbc, "update forum_thread set last_post_at = now() where id = ?", s -> s.setObject(1, thread.id()));
    return post;
  }

  /**
   * Marks a visible reply of the thread as its answer and records answer.accepted for the reply's author, in one
   * transaction. Accepting the accepted answer again changes nothing and records nothing.
   */
  @Transactional
  public Acceptance accept(ForumThread thread, UUID postId) {
    ForumPost post = post(postId);
    if (!post.threadId().equals(thread.id()) || post.hidden()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "the thread has no visible post " + postId);
    }
    if (thread.acceptedPost().filter(postId::equals).isPresent()) {
      return new Acceptance.AlreadyAccepted(postId);
    }
    if (openingPost(thread).filter(postId::equals).isPresent()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the opening post cannot answer its own thread");
    }
    Rows.update(jdbc, "update forum_thread set accepted_post_id = ? where id = ?", s -> {
      s.setObject(1, postId);
      s.setObject(2, thread.id());
    });
    long event = events.record(EventTypes.ANSWER_ACCEPTED, post.authorId(), category(thread.category()).group(),
        Instant.now(), Json.newObject().put("threadId", thread.id().toString()).put("postId", postId.toString())
            .put("category", thread.category())).id();
    return new Acceptance.Accepted(postId, event);
  }

  /** Adds the caller's reaction of that kind to a visible post; false when it was there already. */
  @Transactional
  public boolean react(ForumPost post, UUID user, String kind) {
    if (!Reactions.KINDS.contains(kind)) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "a reaction is one of " + Reactions.KINDS);
    }
    if (post.hidden()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no post has the id " + post.id());
    }
    return Rows.update(jdbc, "insert into forum_reaction (post_id, user_id, kind) values (?, ?, ?)"
        + " on conflict do nothing", s -> {
          s.setObject(1, post.id());
          s.setObject(2, user);
          s.setString(3, kind);
        }) == 1;
  }

  /**
   * Visible threads whose title or visible posts match the words (web search syntax: quotes, or, -word), best
   * first. Hidden posts and hidden threads are never found.
   */
  @Transactional(readOnly = true)
  public Page<SearchHit> search(String query, PageRequest page) {
    int offset = page.offset();
    return page.offsetPage(Rows.list(jdbc, "with q as (select websearch_to_tsquery('english', ?) as query),"
        + " matches as (select t.id, ts_rank(t.search, q.query) as rank from forum_thread t, q"
        + "   where t.search @@ q.query"
        + "  union all select p.thread_id, ts_rank(p.search, q.query) from forum_post p, q"
        + "   where p.search @@ q.query and not p.hidden)"
        + " select t.id, t.title, t.category, max(m.rank) as rank from matches m join forum_thread t on t.id = m.id"
        + " where not t.hidden group by t.id, t.title, t.category order by rank desc, t.id limit ? offset ?", s -> {
          s.setString(1, query);
          s.setInt(2, page.fetch());
          s.setInt(3, offset);
        }, r -> new SearchHit(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getFloat(4))));
  }

  /** Stores the post with its rendered HTML, and its mentions with their e-mails, in the caller's transaction. */
  private UUID insertPost(UUID thread, String title, String source, UUID author) {
    UUID id = UUID.randomUUID();
    String html = markdown.render(source);
    Rows.update(jdbc, "insert into forum_post (id, thread_id, author_id, source, html) values (?, ?, ?, ?, ?)", s -> {
      s.setObject(1, id);
      s.setObject(2, thread);
      s.setObject(3, author);
      s.setString(4, source);
      s.setString(5, html);
    });
    mentions.record(id, thread, title, author, source);
    return id;
  }

  private static Category category(ResultSet r) throws SQLException {
    return new Category(r.getString(1), r.getString(2), r.getString(3), Optional.ofNullable(r.getString(4)));
  }

  private static ForumThread thread(ResultSet r) throws SQLException {
    return new ForumThread(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getObject(4, UUID.class),
        r.getString(5), r.getBoolean(6), r.getBoolean(7), r.getTimestamp(8).toInstant(),
        Optional.ofNullable(r.getObject(9, UUID.class)), r.getTimestamp(10).toInstant());
  }

  private static ForumPost post(ResultSet r, Map<String, Integer> reactions) throws SQLException {
    return new ForumPost(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getObject(3, UUID.class),
        r.getString(4), r.getString(5), r.getString(6), r.getBoolean(7), r.getTimestamp(8).toInstant(), reactions);
  }
}
