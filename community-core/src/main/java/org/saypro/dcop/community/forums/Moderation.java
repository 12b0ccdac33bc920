package org.saypro.dcop.community.forums;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.saypro.dcop.community.support.Rows;

/**
 * Flags from members, and the moderators' actions: hide or show a post or thread, lock or unlock a thread, move it
 * to another category. Who is a moderator is CommunityAccess's decision, made before these are called.
 */
@Singleton
public class Moderation {

  /** Longest flag reason, in characters. */
  public static final int MAX_REASON = 500;

  private final JdbcOperations jdbc;

  Moderation(JdbcOperations jdbc) {
    this.jdbc = jdbc;
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

  @Transactional
  public void hidePost(ForumPost post, boolean hidden) {
    set("update forum_post set hidden = ? where id = ?", hidden, post.id());
  }

  @Transactional
  public void hideThread(ForumThread thread, boolean hidden) {
    set("update forum_thread set hidden = ? where id = ?", hidden, thread.id());
  }

  @Transactional
  public void lock(ForumThread thread, boolean locked) {
    set("update forum_thread set locked = ? where id = ?", locked, thread.id());
  }

  @Transactional
  public void move(ForumThread thread, Category to) {
    Rows.update(jdbc, "update forum_thread set category = ? where id = ?", s -> {
      s.setString(1, to.slug());
      s.setObject(2, thread.id());
    });
  }

  private void set(String sql, boolean value, UUID id) {
    Rows.update(jdbc, sql, s -> {
      s.setBoolean(1, value);
      s.setObject(2, id);
    });
  }
}
