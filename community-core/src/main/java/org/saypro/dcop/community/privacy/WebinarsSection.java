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
 * Registrations and attendance, deleted on erasure; sessions the member scheduled and attendance they recorded for
 * others stay (they are the group's records) and name the former member. The calendar feed key is derived, not
 * stored: it is described, and the feed is empty once the registrations are gone.
 */
@Singleton
class WebinarsSection implements PersonalDataSection {

  private final JdbcOperations jdbc;

  WebinarsSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "webinars";
  }

  @Override
  public int getOrder() {
    return 300;
  }

  @Override
  public Set<String> columns() {
    return Set.of("webinar.created_by", "webinar_registration.user_id", "webinar_attendance.user_id",
        "webinar_attendance.recorded_by");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("registrations", PersonalRows.query(jdbc, "select w.id as webinar, w.title, r.status, r.registered_at,"
        + " r.reminded_at from webinar_registration r join webinar w on w.id = r.webinar_id where r.user_id = ?"
        + " order by r.registered_at", subject.id()));
    json.set("attendance", PersonalRows.query(jdbc, "select w.id as webinar, w.title, a.minutes, a.source,"
        + " a.recorded_at from webinar_attendance a join webinar w on w.id = a.webinar_id where a.user_id = ?"
        + " order by a.recorded_at", subject.id()));
    json.set("scheduled", PersonalRows.query(jdbc, "select id, title, starts_at, created_at from webinar"
        + " where created_by = ? order by created_at", subject.id()));
    json.set("attendanceRecorded", PersonalRows.query(jdbc, "select webinar_id, user_id, recorded_at"
        + " from webinar_attendance where recorded_by = ? order by recorded_at", subject.id()));
    json.put("calendarFeed", "a link keyed by an HMAC of your member id; the key is not stored and not exported");
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    PersonalRows.update(jdbc, "delete from webinar_registration where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "delete from webinar_attendance where user_id = ?", subject.id());
  }
}
