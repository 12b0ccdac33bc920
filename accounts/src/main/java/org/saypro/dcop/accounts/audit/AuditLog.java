package org.saypro.dcop.accounts.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;

/**
 * Appends to and reads the audit log. {@link #record} joins the caller's transaction, so an event is written with the
 * fact it describes or not at all; the table refuses UPDATE, DELETE and TRUNCATE itself (V11).
 */
@Singleton
public class AuditLog {

  private final JdbcOperations jdbc;

  AuditLog(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** An event to append, as {@link #record(List)} takes it. */
  public record NewEvent(String actor, Optional<UUID> organisation, String action, Optional<String> subject,
      AuditEvent.Outcome outcome, ObjectNode detail) {}

  public void record(String actor, Optional<UUID> organisation, String action, Optional<String> subject,
      AuditEvent.Outcome outcome, ObjectNode detail) {
    record(List.of(new NewEvent(actor, organisation, action, subject, outcome, detail)));
  }

  /** Appends the events in one statement, with ids in list order (as a bulk issuance writes one per credential). */
  public void record(List<NewEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    jdbc.prepareStatement(
        "insert into audit_event (actor, organisation_id, action, subject, outcome, detail)"
            + " select v.actor, v.organisation_id, v.action, v.subject, v.outcome, v.detail::jsonb"
            + " from unnest(?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality"
            + " as v(actor, organisation_id, action, subject, outcome, detail, position) order by v.position", s -> {
          Connection connection = s.getConnection();
          s.setArray(1, connection.createArrayOf("text", events.stream().map(NewEvent::actor).toArray(String[]::new)));
          s.setArray(2, connection.createArrayOf("uuid",
              events.stream().map(e -> e.organisation().orElse(null)).toArray(UUID[]::new)));
          s.setArray(3, connection.createArrayOf("text", events.stream().map(NewEvent::action).toArray(String[]::new)));
          s.setArray(4, connection.createArrayOf("text",
              events.stream().map(e -> e.subject().orElse(null)).toArray(String[]::new)));
          s.setArray(5, connection.createArrayOf("text",
              events.stream().map(e -> e.outcome().label()).toArray(String[]::new)));
          s.setArray(6, connection.createArrayOf("text",
              events.stream().map(e -> Json.writeString(e.detail())).toArray(String[]::new)));
          return s.executeUpdate();
        });
  }

  /** An organisation's events, newest first, those with an id below {@code before} when given. */
  public List<AuditEvent> forOrganisation(UUID organisation, int limit, Optional<Long> before) {
    return jdbc.prepareStatement(
        "select id, at, actor, organisation_id, action, subject, outcome, detail::text from audit_event"
            + " where organisation_id = ? and id < ? order by id desc limit ?", s -> {
          s.setObject(1, organisation);
          s.setLong(2, before.orElse(Long.MAX_VALUE));
          s.setInt(3, limit);
          List<AuditEvent> events = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              events.add(new AuditEvent(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3),
                  Optional.ofNullable(r.getObject(4, UUID.class)), r.getString(5), Optional.ofNullable(r.getString(6)),
                  AuditEvent.Outcome.valueOf(r.getString(7).toUpperCase(java.util.Locale.ROOT)),
                  (ObjectNode) Json.parse(r.getString(8))));
            }
          }
          return events;
        });
  }
}
