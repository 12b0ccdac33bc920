package org.saypro.dcop.issuer.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.Alignment;

/** SQL of the catalogue and framework mappings. Callers hold the transaction. */
@Singleton
class QualificationStore {

  private static final String COLUMNS = "id, organisation_id, code, title, description, criteria, achievement_type,"
      + " credits, validity_months, alignments::text, created_at";

  private final JdbcOperations jdbc;

  QualificationStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** False when the organisation already has a qualification with this code. */
  boolean insert(Qualification q) {
    return jdbc.prepareStatement(
        "insert into qualification (" + COLUMNS.replace("::text", "") + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?::jsonb, ?) on conflict (organisation_id, code) do nothing", s -> {
          s.setObject(1, q.id());
          s.setObject(2, q.organisationId());
          s.setString(3, q.code());
          s.setString(4, q.title());
          s.setString(5, q.description());
          s.setString(6, q.criteria());
          s.setString(7, q.achievementType());
          setInt(s, 8, q.credits());
          setInt(s, 9, q.validityMonths());
          ArrayNode alignments = Json.mapper().createArrayNode();
          q.alignments().forEach(a -> alignments.add(a.toJson()));
          s.setString(10, Json.writeString(alignments));
          s.setTimestamp(11, Timestamp.from(q.createdAt()));
          return s.executeUpdate() == 1;
        });
  }

  Optional<Qualification> find(UUID organisationId, String code) {
    return jdbc.prepareStatement(
        "select " + COLUMNS + " from qualification where organisation_id = ? and code = ?", s -> {
          s.setObject(1, organisationId);
          s.setString(2, code);
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(read(r)) : Optional.<Qualification>empty();
          }
        });
  }

  List<Qualification> list(UUID organisationId) {
    return jdbc.prepareStatement(
        "select " + COLUMNS + " from qualification where organisation_id = ? order by code", s -> {
          s.setObject(1, organisationId);
          List<Qualification> all = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              all.add(read(r));
            }
          }
          return all;
        });
  }

  /** False when the same mapping is already recorded. */
  boolean insertMapping(FrameworkMapping m) {
    return jdbc.prepareStatement(
        "insert into framework_mapping (id, from_framework, from_code, to_framework, to_code, relation, note,"
            + " recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", s -> {
          s.setObject(1, m.id());
          s.setString(2, m.fromFramework());
          s.setString(3, m.fromCode());
          s.setString(4, m.toFramework());
          s.setString(5, m.toCode());
          s.setString(6, m.relation());
          s.setString(7, m.note().orElse(null));
          s.setObject(8, m.recordedBy().orElse(null));
          s.setTimestamp(9, Timestamp.from(m.createdAt()));
          return s.executeUpdate() == 1;
        });
  }

  /** Mappings from or to this code of this framework: recognition works both ways when people look it up. */
  List<FrameworkMapping> mappings(String framework, String code) {
    return jdbc.prepareStatement(
        "select id, from_framework, from_code, to_framework, to_code, relation, note, recorded_by, created_at"
            + " from framework_mapping where (from_framework = ? and from_code = ?) or (to_framework = ? and"
            + " to_code = ?) order by created_at", s -> {
          s.setString(1, framework);
          s.setString(2, code);
          s.setString(3, framework);
          s.setString(4, code);
          List<FrameworkMapping> all = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              all.add(new FrameworkMapping(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                  r.getString(5), r.getString(6), Optional.ofNullable(r.getString(7)),
                  Optional.ofNullable(r.getObject(8, UUID.class)), r.getTimestamp(9).toInstant()));
            }
          }
          return all;
        });
  }

  private static Qualification read(ResultSet r) throws SQLException {
    List<Alignment> alignments = new ArrayList<>();
    for (JsonNode node : Json.parse(r.getString(10))) {
      alignments.add(Alignment.fromJson(node));
    }
    return new Qualification(
        r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3), r.getString(4), r.getString(5),
        r.getString(6), r.getString(7), optionalInt(r, 8), optionalInt(r, 9), alignments,
        r.getTimestamp(11).toInstant());
  }

  private static OptionalInt optionalInt(ResultSet r, int column) throws SQLException {
    int value = r.getInt(column);
    return r.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
  }

  private static void setInt(java.sql.PreparedStatement s, int index, OptionalInt value) throws SQLException {
    if (value.isPresent()) {
      s.setInt(index, value.getAsInt());
    } else {
      s.setNull(index, Types.INTEGER);
    }
  }
}
