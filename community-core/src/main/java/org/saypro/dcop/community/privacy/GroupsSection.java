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

/** Stakeholder profile, working-group memberships and coordinator roles: all deleted on erasure. */
@Singleton
class GroupsSection implements PersonalDataSection {

  private final JdbcOperations jdbc;

  GroupsSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "groups";
  }

  @Override
  public int getOrder() {
    return 300;
  }

  @Override
  public Set<String> columns() {
    // set_by: who appointed a coordinator, kept as the group's record; it names the former member after erasure
    return Set.of("member_profile.user_id", "group_member.user_id", "group_coordinator.user_id",
        "group_coordinator.set_by");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("profile", PersonalRows.query(jdbc, "select stakeholder_type, updated_at from member_profile"
        + " where user_id = ?", subject.id()));
    json.set("memberships", PersonalRows.query(jdbc, "select group_slug, joined_at from group_member where user_id = ?"
        + " order by joined_at", subject.id()));
    json.set("coordinatorOf", PersonalRows.query(jdbc, "select group_slug, set_at from group_coordinator"
        + " where user_id = ? order by set_at", subject.id()));
    json.set("coordinatorsAppointed", PersonalRows.query(jdbc, "select group_slug, user_id, set_at"
        + " from group_coordinator where set_by = ? order by set_at", subject.id()));
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    PersonalRows.update(jdbc, "delete from member_profile where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "delete from group_member where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "delete from group_coordinator where user_id = ?", subject.id());
  }
}
