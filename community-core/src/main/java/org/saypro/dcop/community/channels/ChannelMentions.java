package org.saypro.dcop.community.channels;

import static org.saypro.dcop.community.access.CommunityAccess.channelMembership;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.saypro.dcop.accounts.privacy.ConsentPurpose;
import org.saypro.dcop.community.forums.Mentions;
import org.saypro.dcop.community.support.Rows;

/**
 * E-mails for mentions in a channel message. Only members of the channel are told (the membership test is inside the
 * insert), and the e-mail names the channel and links to it but never quotes the message or its author: mail leaves the
 * platform, and a forwarded e-mail must not carry what was said in the channel. Members who turned forum mentions off,
 * or never consented to mention e-mails (ADR 0027), get none; those with a daily digest are mailed at once, as channels
 * have no digest.
 */
@Singleton
class ChannelMentions {

  private final JdbcOperations jdbc;
  private final Mentions mentions;

  ChannelMentions(JdbcOperations jdbc, Mentions mentions) {
    this.jdbc = jdbc;
    this.mentions = mentions;
  }

  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  void notify(Channel channel, UUID author, String source) {
    String link = mentions.publicUrl() + "/channels/" + channel.id();
    for (UUID user : mentions.mentioned(source, author)) {
      Rows.update(jdbc, "insert into email_outbox (to_address, subject, body_text)"
          + " select u.email, ?, ? from app_user u, team_channel c where u.id = ? and c.id = ? and not u.disabled"
          + " and " + ConsentPurpose.MENTIONS.currentIn("u.id")
          + " and " + channelMembership("c", "u.id")
          + " and not exists (select 1 from forum_notification_preference p where p.user_id = u.id"
          + " and p.mentions = 'off')", s -> {
            s.setString(1, "You were mentioned in " + channel.name());
            s.setString(2, "You were mentioned in the channel \"" + channel.name() + "\":\n\n" + link + "\n\n"
                + "To stop these e-mails, untick them on " + mentions.publicUrl() + "/my/privacy.\n");
            s.setObject(3, user);
            s.setObject(4, channel.id());
          });
    }
  }
}
