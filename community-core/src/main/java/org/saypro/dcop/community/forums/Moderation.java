package org.saypro.dcop.community.forums;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.community.support.Page;
import org.saypro.dcop.community.support.PageRequest;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Flags from members, the moderators' queue of them, and the moderators' actions: hide or show a post or thread,
 * lock or unlock a thread, move it to another category, resolve a post's flags. Each action appends its audit event
 * (actor, time, outcome) in the action's own transaction, so an action and its record commit together or not at
 * all. Who is a moderator is CommunityAccess's decision, made before these are called: a refused action never
 * reaches them and leaves no event.
 */
@Singleton
public class Moderation {

  /** Longest flag reason, in characters. */
  public static final int MAX_REASON = 500;
  /** Reasons the queue shows per post, the earliest first. */
  public static final int REASONS_SHOWN = 10;

  private final JdbcOperations jdbc;
  private final AuditLog audit;

  Moderation(JdbcOperations jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Records the member's flag on the post; false when they had flagged it already. */
  @Transactional
  public boolean flag(ForumPost post, UUID user, String reason) {
    return Rows.update(jdbc, "insert into forum_flag (post_id, user_id, reason) values (?, ?, ?)"
        + " on conflict do nothing", s -> {
          s.setObject(1, post.id());
          s.setObject(2, user);
          s.setString(3, reason);
        }) == 1;
  }

  /**
   * Hides or shows the post. Hiding also resolves its open flags as hidden: the moderator has judged the post,
   * wherever they did it from.
   */
  @Transactional
  public void hidePost(ForumPost post, boolean hidden, UUID moderator) {
    set("update forum_post set hidden = ? where id = ?", hidden, post.id());
    ObjectNode detail = Json.newObject().put("threadId", post.threadId().toString());
    if (hidden) {
      detail.put("flagsResolved", resolveOpen(post, FlagOutcome.HIDDEN, moderator));
    }
    record(moderator, hidden ? "forum.post.hidden" : "forum.post.shown", post.id(), detail);
  }

  @Transactional
  public void hideThread(ForumThread thread, boolean hidden, UUID moderator) {
    set("update forum_thread set hidden = ? where id = ?", hidden, thread.id());
    record(moderator, hidden ? "forum.thread.hidden" : "forum.thread.shown", thread.id(),
        Json.newObject().put("category", thread.category()));
  }

  @Transactional
  public void lock(ForumThread thread, boolean locked, UUID moderator) {
    set("update forum_thread set locked = ? where id = ?", locked, thread.id());
    record(moderator, locked ? "forum.thread.locked" : "forum.thread.unlocked", thread.id(),
        Json.newObject().put("category", thread.category()));
  }

  @Transactional
  public void move(ForumThread thread, Category to, UUID moderator) {
    Rows.update(jdbc, "update forum_thread set category = ? where id = ?", s -> {
      s.setString(1, to.slug());
      s.setObject(2, thread.id());
    });
    record(moderator, "forum.thread.moved", thread.id(),
        Json.newObject().put("from", thread.category()).put("to", to.slug()));
  }

  /**
   * Resolves the post's open flags: hides the post, or dismisses them and leaves it up. 404 when the post has no open
   * flags (someone resolved them first). Returns how many flags were resolved.
   */
  @Transactional
  public int resolve(ForumPost post, FlagOutcome outcome, UUID moderator) {
    int resolved = resolveOpen(post, outcome, moderator);
    if (resolved == 0) {
      throw new ProblemException(ProblemType.NOT_FOUND, "the post has no open flags");
    }
    if (outcome == FlagOutcome.HIDDEN) {
      set("update forum_post set hidden = ? where id = ?", true, post.id());
    }
    record(moderator, "forum.flags.resolved", post.id(), Json.newObject().put("threadId", post.threadId().toString())
        .put("outcome", outcome.code()).put("flags", resolved));
    return resolved;
  }

  /**
   * A page of posts with open flags in these groups' categories (every category, general ones included: empty),
   * most flagged first, then the longest waiting.
   */
  @Transactional(readOnly = true)
  public Page<FlaggedPost> queue(Optional<Set<String>> groups, PageRequest page) {
    int offset = page.offset();
    return page.offsetPage(Rows.list(jdbc, "select p.id, p.thread_id, t.title, t.category, left(p.source, "
        + FlaggedPost.EXCERPT + "), p.hidden, (array_agg(f.reason order by f.flagged_at, f.user_id))[1:"
        + REASONS_SHOWN + "], count(*), min(f.flagged_at)"
        + " from forum_flag f join forum_post p on p.id = f.post_id join forum_thread t on t.id = p.thread_id"
        + " join forum_category c on c.slug = t.category"
        + " where f.resolved_at is null and (? or c.group_slug = any (?))"
        + " group by p.id, p.thread_id, t.title, t.category, p.source, p.hidden"
        + " order by count(*) desc, min(f.flagged_at), p.id limit ? offset ?", s -> {
          s.setBoolean(1, groups.isEmpty());
          s.setArray(2, s.getConnection().createArrayOf("text", groups.orElse(Set.of()).toArray()));
          s.setInt(3, page.fetch());
          s.setInt(4, offset);
        }, r -> {
          Array reasons = r.getArray(7);
          return new FlaggedPost(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
              r.getString(4), r.getString(5), r.getBoolean(6), Arrays.asList((String[]) reasons.getArray()),
              r.getInt(8), r.getTimestamp(9).toInstant());
        }));
  }

  private int resolveOpen(ForumPost post, FlagOutcome outcome, UUID moderator) {
    return Rows.update(jdbc, "update forum_flag set resolved_at = now(), resolved_by = ?, outcome = ?"
        + " where post_id = ? and resolved_at is null", s -> {
          s.setObject(1, moderator);
          s.setString(2, outcome.code());
          s.setObject(3, post.id());
        });
  }

  /** The moderation's audit event: community groups are not organisations, so it names none. */
  private void record(UUID moderator, String action, UUID subject, ObjectNode detail) {
    audit.record(moderator.toString(), Optional.empty(), action, Optional.of(subject.toString()),
        AuditEvent.Outcome.SUCCESS, detail);
  }

  private void set(String sql, boolean value, UUID id) {
    Rows.update(jdbc, sql, s -> {
      s.setBoolean(1, value);
      s.setObject(2, id);
    });
  }
}
