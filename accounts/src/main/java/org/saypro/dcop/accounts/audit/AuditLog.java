package org.saypro.dcop.accounts.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Types;
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

  public void record(String actor, Optional<UUID> organisation, String action, Optional<String> subject,
      AuditEvent.Outcome outcome, ObjectNode detail) {
    jdbc.prepareStatement(
        "insert into audit_event (actor, organisation_id, action, subject, outcome, detail)"
            + " values (?, ?, ?, ?, ?, cast(? as jsonb))", s -> {
          s.setString(1, actor);
          if (organisation.isPresent()) {
            s.setObject(2, organisation.get());
          } else {
            s.setNull(2, Types.OTHER);
          }
          s.setString(3, action);
          s.setString(4, subject.orElse(null));
          s.setString(5, outcome.label());
          s.setString(6, Json.writeString(detail));
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
