package org.saypro.dcop.community.forums;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.saypro.dcop.accounts.privacy.ConsentPurpose;
import org.saypro.dcop.community.support.Rows;

/**
 * Mentions in a post: {@code @name@example.org}, {@code @Name} (one word) or {@code @"Full Name"}, matched to members
 * by e-mail or by display name (a name shared by several members mentions nobody: the author should use the e-mail).
 * Recorded in the post's transaction with, for members who want it and consented to mention e-mails (ADR 0027), the
 * e-mail in the issuer's outbox (written by SQL, as webinar reminders are); daily-digest members are told by
 * {@link MentionDigest}.
 */
@Singleton
public class Mentions {

  /** Most members one post may mention; more are ignored, so a post cannot mail the whole community. */
  public static final int MAX_PER_POST = 10;

  /** How a member hears of mentions; immediate when they never chose. */
  public static final List<String> MODES = List.of("immediate", "daily", "off");

  private static final Pattern MENTION = Pattern.compile(
      "(?<![\\w@])@(?:\"([^\"\\n]{1,200})\"|([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})|([\\p{L}0-9_-]{1,100}))");

  private final JdbcOperations jdbc;
  private final String publicUrl;

  Mentions(JdbcOperations jdbc, @Value("${dcop.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The e-mail addresses and names a source mentions, in order, at most {@link #MAX_PER_POST}. */
  static List<String> handles(String source) {
    Set<String> handles = new LinkedHashSet<>();
    Matcher m = MENTION.matcher(source);
    while (m.find() && handles.size() < MAX_PER_POST) {
      String handle = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      handles.add(handle.strip());
    }
    return List.copyOf(handles);
  }

  /** Records the post's mentions and the immediate e-mails; runs in the post's transaction. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void record(UUID post, UUID thread, String threadTitle, UUID author, String source) {
    String authorName = Rows.one(jdbc, "select display_name from app_user where id = ?", s -> s.setObject(1, author),
        r -> r.getString(1)).orElseThrow();
    for (String handle : handles(source)) {
      Optional<UUID> user = member(handle).filter(u -> !u.equals(author));
      if (user.isEmpty()) {
        continue;
      }
      String mode = Rows.one(jdbc, "select mentions from forum_notification_preference where user_id = ?",
          s -> s.setObject(1, user.get()), r -> r.getString(1)).orElse("immediate");
      int added = Rows.update(jdbc, "insert into forum_mention (post_id, user_id, notified_at) values (?, ?, "
          + ("daily".equals(mode) ? "null" : "now()") + ") on conflict do nothing", s -> {
            s.setObject(1, post);
            s.setObject(2, user.get());
          });
      if (added == 1 && "immediate".equals(mode)) {
        Rows.update(jdbc, "insert into email_outbox (to_address, subject, body_text) select email, ?, ? from app_user"
            + " where id = ? and not disabled and " + ConsentPurpose.MENTIONS.currentIn("app_user.id"), s -> {
              s.setString(1, limit(authorName + " mentioned you in \"" + threadTitle + "\"", 300));
              s.setString(2, authorName + " mentioned you in the forum thread \"" + threadTitle + "\":\n\n"
                  + threadUrl(thread) + "\n\nTo get one daily digest instead, or none, change your forum"
                  + " notification setting on " + publicUrl + "/forums; to stop these e-mails, untick them on "
                  + publicUrl + "/my/privacy.\n");
              s.setObject(3, user.get());
            });
      }
    }
  }

  /**
   * The members a source mentions (at most {@link #MAX_PER_POST}, the author left out), resolved as forum posts
   * resolve them; team channels decide themselves whom of these they may tell.
   */
  public List<UUID> mentioned(String source, UUID author) {
    return handles(source).stream().map(this::member).flatMap(Optional::stream).filter(u -> !u.equals(author))
        .distinct().toList();
  }

  public String publicUrl() {
    return publicUrl;
  }

  @Transactional(readOnly = true)
  public String preference(UUID user) {
    return Rows.one(jdbc, "select mentions from forum_notification_preference where user_id = ?",
        s -> s.setObject(1, user), r -> r.getString(1)).orElse("immediate");
  }

  /** Sets how the member hears of mentions: immediate, daily or off. */
  @Transactional
  public void setPreference(UUID user, String mode) {
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("mentions are immediate, daily or off");
    }
    Rows.update(jdbc, "insert into forum_notification_preference (user_id, mentions) values (?, ?)"
        + " on conflict (user_id) do update set mentions = excluded.mentions", s -> {
          s.setObject(1, user);
          s.setString(2, mode);
        });
  }

  String threadUrl(UUID thread) {
    return publicUrl + "/forums/t/" + thread;
  }

  /** The member an e-mail or a display name (case-insensitive) names, when exactly one does. */
  private Optional<UUID> member(String handle) {
    String column = handle.contains("@") ? "email" : "display_name";
    List<UUID> users = Rows.list(jdbc, "select id from app_user where lower(" + column + ") = ? and not disabled"
        + " limit 2", s -> s.setString(1, handle.toLowerCase(Locale.ROOT)), r -> r.getObject(1, UUID.class));
    return users.size() == 1 ? Optional.of(users.get(0)) : Optional.empty();
  }

  private static String limit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
