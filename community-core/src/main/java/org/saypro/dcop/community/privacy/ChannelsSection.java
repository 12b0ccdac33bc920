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
 * Channel memberships are deleted; messages keep their place with the anonymised author and lose the member's e-mail
 * address, as forum posts do. Channels the member created stay with their other members.
 */
@Singleton
class ChannelsSection implements PersonalDataSection {

  private final JdbcOperations jdbc;

  ChannelsSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "channels";
  }

  @Override
  public int getOrder() {
    return 300;
  }

  @Override
  public Set<String> columns() {
    return Set.of("team_channel.created_by", "team_channel_member.user_id", "team_channel_message.author_id");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("memberships", PersonalRows.query(jdbc, "select c.id as channel, c.name, m.admin, m.added_at"
        + " from team_channel_member m join team_channel c on c.id = m.channel_id where m.user_id = ?"
        + " order by m.added_at", subject.id()));
    json.set("created", PersonalRows.query(jdbc, "select id, name, kind, created_at from team_channel"
        + " where created_by = ? order by created_at", subject.id()));
    json.set("messages", PersonalRows.query(jdbc, "select id, channel_id, source, created_at, edited_at"
        + " from team_channel_message where author_id = ? order by created_at", subject.id()));
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    PersonalRows.update(jdbc, "delete from team_channel_member where user_id = ?", subject.id());
    ErasedAddress.strip(jdbc, "team_channel_message", subject.email(), "source", "html");
  }
}
