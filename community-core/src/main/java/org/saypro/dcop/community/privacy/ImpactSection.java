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
 * Results frameworks the member created and data values they entered. Both are the programme's monitoring records
 * (funders report on them, and a value's history is what makes a correction accountable), so erasure keeps them:
 * they then name the anonymised former member, as project records and the audit log do. Values hold no one's
 * personal data beyond who entered them: they are counts and percentages per organisation unit.
 */
@Singleton
class ImpactSection implements PersonalDataSection {

  private final JdbcOperations jdbc;

  ImpactSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "impact";
  }

  @Override
  public int getOrder() {
    return 300;
  }

  @Override
  public Set<String> columns() {
    return Set.of("impact_framework.created_by", "impact_value.entered_by");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("frameworksCreated", PersonalRows.query(jdbc, "select id, title, project_id, created_at"
        + " from impact_framework where created_by = ? order by created_at", subject.id()));
    json.set("valuesEntered", PersonalRows.query(jdbc, "select i.code as indicator, v.period, u.code as org_unit,"
        + " v.category, v.version, v.value, v.source, v.entered_at from impact_value v"
        + " join impact_indicator i on i.id = v.indicator_id join impact_org_unit u on u.id = v.org_unit_id"
        + " where v.entered_by = ? order by v.entered_at, v.id", subject.id()));
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    // kept on purpose: see the class comment; the account they point at is anonymised by the accounts section
  }
}
