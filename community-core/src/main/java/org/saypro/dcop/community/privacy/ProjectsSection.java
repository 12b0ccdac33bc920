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
 * Project memberships, deleted on erasure; projects, activities and outputs the member recorded are the project's
 * (and its funders') records, so they stay and name the former member.
 */
@Singleton
class ProjectsSection implements PersonalDataSection {

  private final JdbcOperations jdbc;

  ProjectsSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "projects";
  }

  @Override
  public int getOrder() {
    return 300;
  }

  @Override
  public Set<String> columns() {
    return Set.of("project.created_by", "project_member.user_id", "project_activity.recorded_by",
        "project_output.reported_by");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("memberships", PersonalRows.query(jdbc, "select p.id as project, p.title, m.added_at from project_member m"
        + " join project p on p.id = m.project_id where m.user_id = ? order by m.added_at", subject.id()));
    json.set("created", PersonalRows.query(jdbc, "select id, title, created_at from project where created_by = ?"
        + " order by created_at", subject.id()));
    json.set("activitiesRecorded", PersonalRows.query(jdbc, "select project_id, happened_on, description, recorded_at"
        + " from project_activity where recorded_by = ? order by recorded_at", subject.id()));
    json.set("outputsReported", PersonalRows.query(jdbc, "select project_id, reported_on, indicator, value, unit,"
        + " evidence_url, recorded_at from project_output where reported_by = ? order by recorded_at", subject.id()));
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    PersonalRows.update(jdbc, "delete from project_member where user_id = ?", subject.id());
  }
}
