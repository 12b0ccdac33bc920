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
 * The community events about the member (the activity badges are computed from) and the badge awards and their
 * evidence: deleted on erasure. A badge credential already issued stays verifiable; it can still be revoked through
 * its status like any credential. Rule versions the member wrote stay, as the rules' history.
 */
@Singleton
class BadgesSection implements PersonalDataSection {

  private final JdbcOperations jdbc;

  BadgesSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "badges";
  }

  @Override
  public int getOrder() {
    return 300;
  }

  @Override
  public Set<String> columns() {
    return Set.of("community_event.user_id", "badge_award.user_id", "badge_fulfilment.user_id",
        "badge_rule_version.created_by");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("activity", PersonalRows.query(jdbc, "select id, type, group_slug, occurred_at, payload"
        + " from community_event where user_id = ? order by id", subject.id()));
    json.set("awards", PersonalRows.query(jdbc, "select a.rule_id, v.name as rule, a.credential_uuid, a.awarded_at,"
        + " a.revoked_at, a.revoke_reason from badge_award a join badge_rule_version v on v.rule_id = a.rule_id"
        + " and v.version = a.rule_version where a.user_id = ? order by a.awarded_at", subject.id()));
    json.set("rulesWritten", PersonalRows.query(jdbc, "select rule_id, version, name, created_at"
        + " from badge_rule_version where created_by = ? order by created_at", subject.id().toString()));
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    PersonalRows.update(jdbc, "delete from badge_fulfilment where user_id = ? or source_event_id in"
        + " (select id from community_event where user_id = ?)", subject.id(), subject.id());
    PersonalRows.update(jdbc, "delete from badge_award where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "delete from community_event_delivery where event_id in"
        + " (select id from community_event where user_id = ?)", subject.id());
    PersonalRows.update(jdbc, "delete from community_event where user_id = ?", subject.id());
  }
}
