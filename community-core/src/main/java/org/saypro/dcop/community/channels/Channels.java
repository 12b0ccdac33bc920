package org.saypro.dcop.community.channels;

import static org.saypro.dcop.community.access.CommunityAccess.channelListed;
import static org.saypro.dcop.community.access.CommunityAccess.channelMembership;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.forums.MarkdownRenderer;
import org.saypro.dcop.community.support.Keyset;
import org.saypro.dcop.community.support.Page;
import org.saypro.dcop.community.support.PageRequest;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Channels, their task-force members and their messages. Callers decide who may act (CommunityAccess); every query
 * that returns channel content for a user filters by {@link org.saypro.dcop.community.access.CommunityAccess
 * #channelMembership} inside its SQL. Channel messages record no community events: events are relayed to badges and
 * other subscribers, which are outside the channel.
 */
@Singleton
public class Channels {

  /** How long an author may edit or delete a message: later, others have read and answered it. */
  public static final Duration CHANGE_WINDOW = Duration.ofHours(1);

  private static final String COLUMNS = "c.id, c.kind, c.name, c.private, c.group_slug, c.audience, c.project_id,"
      + " c.created_by, c.created_at";
  private static final String MESSAGE_COLUMNS = "m.id, m.channel_id, m.author_id, u.display_name, m.source, m.html,"
      + " m.created_at, m.edited_at";

  private final JdbcOperations jdbc;
  private final MarkdownRenderer markdown;
  private final ChannelMentions mentions;

  Channels(JdbcOperations jdbc, MarkdownRenderer markdown, ChannelMentions mentions) {
    this.jdbc = jdbc;
    this.markdown = markdown;
    this.mentions = mentions;
  }

  /** The channel, or 404 (callers then check membership, which is 403 for a channel that exists). */
  @Transactional(readOnly = true)
  public Channel channel(UUID id) {
    return Rows.one(jdbc, "select " + COLUMNS + " from team_channel c where c.id = ?", s -> s.setObject(1, id),
        Channels::channel).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no channel has the id " + id));
  }

  /** The channels the user is a member of, by name. */
  @Transactional(readOnly = true)
  public List<Channel> mine(UUID user) {
    return Rows.list(jdbc, "select " + COLUMNS + " from team_channel c, (select cast(? as uuid) as uid) me where "
        + channelMembership("c", "me.uid") + " order by c.name, c.id", s -> s.setObject(1, user), Channels::channel);
  }

  /**
   * A page of the channel directory: the user's channels and every channel that is not private, by kind and name,
   * each with its member count. Counts use the membership predicate itself, so they are who can read the channel.
   */
  @Transactional(readOnly = true)
  public Page<ChannelListing> directory(UUID user, PageRequest page) {
    int offset = page.offset();
    return page.offsetPage(Rows.list(jdbc, "select " + COLUMNS + ", " + channelMembership("c", "me.uid")
        + ", (select count(*) from app_user u where " + channelMembership("c", "u.id") + ")"
        + " from team_channel c, (select cast(? as uuid) as uid) me where " + channelListed("c", "me.uid")
        + " order by array_position(array['group', 'project', 'task-force'], c.kind), c.name, c.id"
        + " limit ? offset ?", s -> {
          s.setObject(1, user);
          s.setInt(2, page.fetch());
          s.setInt(3, offset);
        }, r -> new ChannelListing(channel(r), r.getBoolean(10), r.getLong(11))));
  }

  /** Creates a channel; the creator of a task force becomes its first admin. */
  @Transactional
  public Channel create(String kind, String name, boolean privateChannel, Optional<String> group, String audience,
      Optional<UUID> project, UUID creator) {
    Channel channel = new Channel(UUID.randomUUID(), kind, name, privateChannel, group, audience, project, creator,
        Instant.now());
    Rows.update(jdbc, "insert into team_channel (id, kind, name, private, group_slug, audience, project_id,"
        + " created_by) values (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setObject(1, channel.id());
          s.setString(2, kind);
          s.setString(3, name);
          s.setBoolean(4, privateChannel);
          s.setString(5, group.orElse(null));
          s.setString(6, audience);
          s.setObject(7, project.orElse(null));
          s.setObject(8, creator);
        });
    if (channel.taskForce()) {
      setMember(channel, creator, true);
    }
    return channel(channel.id());
  }

  /** Adds a task-force member, or changes their admin flag; true when they were not a member before. */
  @Transactional
  public boolean setMember(Channel channel, UUID user, boolean admin) {
    requireTaskForce(channel);
    boolean existed = Rows.one(jdbc, "select 1 from team_channel_member where channel_id = ? and user_id = ?", s -> {
      s.setObject(1, channel.id());
      s.setObject(2, user);
    }, r -> true).isPresent();
    Rows.update(jdbc, "insert into team_channel_member (channel_id, user_id, admin) values (?, ?, ?)"
        + " on conflict (channel_id, user_id) do update set admin = excluded.admin", s -> {
          s.setObject(1, channel.id());
          s.setObject(2, user);
          s.setBoolean(3, admin);
        });
    return !existed;
  }

  /** Removes a task-force member; its owner stays, so a task force always has an admin. */
  @Transactional
  public boolean removeMember(Channel channel, UUID user) {
    requireTaskForce(channel);
    if (channel.createdBy().equals(user)) {
      throw new ProblemException(ProblemType.FORBIDDEN, "the task force's owner cannot be removed");
    }
    return Rows.update(jdbc, "delete from team_channel_member where channel_id = ? and user_id = ?", s -> {
      s.setObject(1, channel.id());
      s.setObject(2, user);
    }) == 1;
  }

  /**
   * A page of the channel's messages, newest first: the first page is the latest, each next page older. (Pages show
   * a page oldest first, as a conversation reads.)
   */
  @Transactional(readOnly = true)
  public Page<ChannelMessage> messages(Channel channel, PageRequest page) {
    Optional<Keyset> before = page.keyset();
    return page.keysetPage(Rows.list(jdbc, "select " + MESSAGE_COLUMNS + " from team_channel_message m join app_user u"
        + " on u.id = m.author_id where m.channel_id = ?"
        + (before.isPresent() ? " and (m.created_at, m.id) < (?, ?)" : "")
        + " order by m.created_at desc, m.id desc limit ?", s -> {
          s.setObject(1, channel.id());
          s.setInt(Keyset.bind(s, 2, before), page.fetch());
        }, Channels::message), m -> new Keyset(m.createdAt(), m.id()));
  }

  @Transactional(readOnly = true)
  public ChannelMessage message(Channel channel, UUID id) {
    return Rows.one(jdbc, "select " + MESSAGE_COLUMNS + " from team_channel_message m join app_user u"
        + " on u.id = m.author_id where m.id = ? and m.channel_id = ?", s -> {
          s.setObject(1, id);
          s.setObject(2, channel.id());
        }, Channels::message)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "the channel has no message " + id));
  }

  /** Stores a member's message with its sanitised HTML, and mails the mentioned members, in one transaction. */
  @Transactional
  public ChannelMessage post(Channel channel, UUID author, String source) {
    UUID id = UUID.randomUUID();
    Rows.update(jdbc, "insert into team_channel_message (id, channel_id, author_id, source, html)"
        + " values (?, ?, ?, ?, ?)", s -> {
          s.setObject(1, id);
          s.setObject(2, channel.id());
          s.setObject(3, author);
          s.setString(4, source);
          s.setString(5, markdown.render(source));
        });
    mentions.notify(channel, author, source);
    return message(channel, id);
  }

  /**
   * The author edits (new source) or deletes (none) their message within {@link #CHANGE_WINDOW}. An edit mails
   * nobody: mentions are told once, when the message is posted.
   */
  @Transactional
  public MessageChange change(Channel channel, UUID messageId, UUID caller, Optional<String> source) {
    ChannelMessage message = message(channel, messageId);
    if (!message.authorId().equals(caller)) {
      throw new ProblemException(ProblemType.FORBIDDEN, "only its author may change a message");
    }
    if (message.createdAt().plus(CHANGE_WINDOW).isBefore(Instant.now())) {
      throw new ProblemException(ProblemType.FORBIDDEN, "a message can be changed only within "
          + CHANGE_WINDOW.toMinutes() + " minutes of posting");
    }
    if (source.isEmpty()) {
      Rows.update(jdbc, "delete from team_channel_message where id = ?", s -> s.setObject(1, messageId));
      return new MessageChange.Deleted(messageId);
    }
    Rows.update(jdbc, "update team_channel_message set source = ?, html = ?, edited_at = now() where id = ?", s -> {
      s.setString(1, source.get());
      s.setString(2, markdown.render(source.get()));
      s.setObject(3, messageId);
    });
    return new MessageChange.Edited(messageId);
  }

  /** Messages matching the words (web search syntax) in channels the user is a member of, best first. */
  @Transactional(readOnly = true)
  public Page<ChannelHit> search(UUID user, String query, PageRequest page) {
    int offset = page.offset();
    return page.offsetPage(Rows.list(jdbc, "with q as (select websearch_to_tsquery('english', ?) as query),"
        + " me as (select cast(? as uuid) as uid)"
        + " select m.id, c.id, c.name, left(m.source, 200), ts_rank(m.search, q.query) as rank"
        + " from team_channel_message m join team_channel c on c.id = m.channel_id, q, me"
        + " where m.search @@ q.query and " + channelMembership("c", "me.uid")
        + " order by rank desc, m.created_at desc, m.id limit ? offset ?", s -> {
          s.setString(1, query);
          s.setObject(2, user);
          s.setInt(3, page.fetch());
          s.setInt(4, offset);
        }, r -> new ChannelHit(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
            r.getString(4), r.getFloat(5))));
  }

  private static void requireTaskForce(Channel channel) {
    if (!channel.taskForce()) {
      throw new ProblemException(ProblemType.FORBIDDEN,
          "the members of group and project channels are those of the group or project");
    }
  }

  private static Channel channel(ResultSet r) throws SQLException {
    return new Channel(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getBoolean(4),
        Optional.ofNullable(r.getString(5)), r.getString(6), Optional.ofNullable(r.getObject(7, UUID.class)),
        r.getObject(8, UUID.class), r.getTimestamp(9).toInstant());
  }

  private static ChannelMessage message(ResultSet r) throws SQLException {
    return new ChannelMessage(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getObject(3, UUID.class),
        r.getString(4), r.getString(5), r.getString(6), r.getTimestamp(7).toInstant(),
        Optional.ofNullable(r.getTimestamp(8)).map(Timestamp::toInstant));
  }
}
