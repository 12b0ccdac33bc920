package org.saypro.dcop.community.forums;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.saypro.dcop.accounts.privacy.ConsentPurpose;
import org.saypro.dcop.community.support.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily digest: members who chose it get one e-mail listing the threads they were mentioned in since the last one,
 * at most once a day, if they consented to digests (ADR 0027: without consent their mentions wait). Members are claimed
 * with skip locked, so several instances never send twice; the e-mail row and the "notified" marks commit together.
 */
@Singleton
public class MentionDigest {

  private static final Logger LOG = LoggerFactory.getLogger(MentionDigest.class);

  private record Due(UUID user, String email, String name) {}

  private record Mentioned(String title, UUID thread, long times) {}

  private final JdbcOperations jdbc;
  private final Mentions mentions;

  MentionDigest(JdbcOperations jdbc, Mentions mentions) {
    this.jdbc = jdbc;
    this.mentions = mentions;
  }

  @Scheduled(fixedDelay = "${dcop.community.digest-interval:15m}", initialDelay = "${dcop.community.digest-initial-delay:60s}")
  void tick() {
    try {
      sendDue();
    } catch (RuntimeException e) {
      LOG.warn("forum digests failed; they will be retried: {}", e.toString());
    }
  }

  /** Writes the digests now due; returns how many. */
  @Transactional
  public int sendDue() {
    List<Due> due = Rows.list(jdbc, """
        select p.user_id, u.email, u.display_name from forum_notification_preference p
        join app_user u on u.id = p.user_id
        where p.mentions = 'daily' and not u.disabled and\s""" + ConsentPurpose.DIGESTS.currentIn("u.id") + """
          and (p.last_digest_at is null or p.last_digest_at <= now() - interval '1 day')
          and exists (select 1 from forum_mention m where m.user_id = p.user_id and m.notified_at is null)
        limit 200 for update of p skip locked""", s -> { },
        r -> new Due(r.getObject(1, UUID.class), r.getString(2), r.getString(3)));
    for (Due d : due) {
      List<Mentioned> threads = Rows.list(jdbc, """
          select t.title, t.id, count(*) from forum_mention m join forum_post p on p.id = m.post_id
          join forum_thread t on t.id = p.thread_id
          where m.user_id = ? and m.notified_at is null and not p.hidden and not t.hidden
          group by t.id, t.title order by max(p.created_at) desc limit 50""", s -> s.setObject(1, d.user()),
          r -> new Mentioned(r.getString(1), r.getObject(2, UUID.class), r.getLong(3)));
      if (!threads.isEmpty()) {
        StringBuilder body = new StringBuilder("Hello " + d.name() + ",\n\nyou were mentioned in these forum threads"
            + " since your last digest:\n\n");
        threads.forEach(t -> body.append("- ").append(t.title()).append(t.times() > 1 ? " (" + t.times() + " times)"
            : "").append("\n  ").append(mentions.threadUrl(t.thread())).append("\n"));
        body.append("\nTo stop these e-mails, untick them on ").append(mentions.publicUrl()).append("/my/privacy.\n");
        Rows.update(jdbc, "insert into email_outbox (to_address, subject, body_text) values (?, ?, ?)", s -> {
          s.setString(1, d.email());
          s.setString(2, "Your forum mentions of the day");
          s.setString(3, body.toString());
        });
      }
      Rows.update(jdbc, "update forum_mention set notified_at = now() where user_id = ? and notified_at is null",
          s -> s.setObject(1, d.user()));
      Rows.update(jdbc, "update forum_notification_preference set last_digest_at = now() where user_id = ?",
          s -> s.setObject(1, d.user()));
    }
    return due.size();
  }
}
