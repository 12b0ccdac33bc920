package org.saypro.dcop.community.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Set;
import org.saypro.dcop.accounts.privacy.DataSubject;
import org.saypro.dcop.accounts.privacy.PersonalDataSection;
import org.saypro.dcop.accounts.privacy.PersonalRows;
import org.saypro.dcop.core.json.Json;

/**
 * Threads and posts keep their place (the conversation stays readable) and show the anonymised author; the member's
 * e-mail address is taken out of every post that mentions it. Reactions, flags, mentions of the member and their
 * notification setting are deleted. Flags the member resolved as a moderator keep {@code resolved_by}: like the audit
 * log, they record a moderation decision, and the anonymised account they point at no longer names anyone.
 */
@Singleton
class ForumsSection implements PersonalDataSection {

  private final JdbcOperations jdbc;

  ForumsSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "forums";
  }

  @Override
  public int getOrder() {
    return 300;
  }

  @Override
  public Set<String> columns() {
    return Set.of("forum_thread.author_id", "forum_post.author_id", "forum_reaction.user_id", "forum_flag.user_id",
        "forum_flag.resolved_by", "forum_mention.user_id", "forum_notification_preference.user_id");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("threads", PersonalRows.query(jdbc, "select id, category, title, created_at from forum_thread"
        + " where author_id = ? order by created_at", subject.id()));
    json.set("posts", PersonalRows.query(jdbc, "select id, thread_id, source, hidden, created_at from forum_post"
        + " where author_id = ? order by created_at", subject.id()));
    json.set("reactions", PersonalRows.query(jdbc, "select post_id, kind, reacted_at from forum_reaction"
        + " where user_id = ? order by reacted_at", subject.id()));
    json.set("flags", PersonalRows.query(jdbc, "select post_id, reason, flagged_at from forum_flag where user_id = ?"
        + " order by flagged_at", subject.id()));
    json.set("flagsYouResolved", PersonalRows.query(jdbc, "select post_id, outcome, resolved_at from forum_flag"
        + " where resolved_by = ? order by resolved_at", subject.id()));
    json.set("mentionsOfYou", PersonalRows.query(jdbc, "select post_id, notified_at from forum_mention"
        + " where user_id = ?", subject.id()));
    json.set("notificationSetting", PersonalRows.query(jdbc, "select mentions, last_digest_at"
        + " from forum_notification_preference where user_id = ?", subject.id()));
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    PersonalRows.update(jdbc, "delete from forum_reaction where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "delete from forum_flag where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "delete from forum_mention where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "delete from forum_notification_preference where user_id = ?", subject.id());
    ErasedAddress.strip(jdbc, "forum_post", subject.email(), "source", "html");
    ErasedAddress.strip(jdbc, "forum_thread", subject.email(), "title");
  }
}
