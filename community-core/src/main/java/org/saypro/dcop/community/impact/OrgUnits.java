package org.saypro.dcop.community.impact;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.support.Rows;

/** The organisation-unit tree. */
@Singleton
public class OrgUnits {

  private static final String COLUMNS = "id, code, name, level, parent_id, path, organisation_id";

  private final JdbcOperations jdbc;

  OrgUnits(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Optional<OrgUnit> byCode(String code) {
    return Rows.one(jdbc, "select " + COLUMNS + " from impact_org_unit where code = ?", s -> s.setString(1, code),
        OrgUnits::unit);
  }

  @Transactional(readOnly = true)
  public OrgUnit national() {
    return Rows.one(jdbc, "select " + COLUMNS + " from impact_org_unit where id = ?",
        s -> s.setObject(1, OrgUnit.NATIONAL), OrgUnits::unit).orElseThrow();
  }

  /** Every unit, in tree order (by path). */
  @Transactional(readOnly = true)
  public List<OrgUnit> all() {
    return Rows.list(jdbc, "select " + COLUMNS + " from impact_org_unit order by path limit 5000", s -> { },
        OrgUnits::unit);
  }

  /** The first unit linked to the organisation, if any: where its automatic values are counted. */
  @Transactional(readOnly = true)
  public Optional<OrgUnit> ofOrganisation(UUID organisation) {
    return Rows.one(jdbc, "select " + COLUMNS + " from impact_org_unit where organisation_id = ? order by path",
        s -> s.setObject(1, organisation), OrgUnits::unit);
  }

  /** Adds a unit under its parent; false if the code is taken. */
  @Transactional
  public boolean add(UUID id, String code, String name, String level, OrgUnit parent, Optional<UUID> organisation) {
    return Rows.update(jdbc, "insert into impact_org_unit (id, code, name, level, parent_id, path, organisation_id)"
        + " values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing", s -> {
          s.setObject(1, id);
          s.setString(2, code);
          s.setString(3, name);
          s.setString(4, level);
          s.setObject(5, parent.id());
          s.setString(6, parent.path() + id + "/");
          s.setObject(7, organisation.orElse(null));
        }) > 0;
  }

  static OrgUnit unit(ResultSet r) throws SQLException {
    return new OrgUnit(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
        Optional.ofNullable(r.getObject(5, UUID.class)), r.getString(6),
        Optional.ofNullable(r.getObject(7, UUID.class)));
  }
}
