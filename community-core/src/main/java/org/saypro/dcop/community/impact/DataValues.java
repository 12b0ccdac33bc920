package org.saypro.dcop.community.impact;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.support.Rows;

/**
 * Data values as append-only versions: entering a value for a key that has one adds a version, and the current value
 * is the highest version. Nothing here updates or deletes a value.
 */
@Singleton
public class DataValues {

  /** A current value with its key's parts, for export and tables. */
  public record Current(String indicator, Period period, String orgUnit, String category, BigDecimal value,
      int version, String source, String enteredBy, Instant enteredAt) {}

  private final JdbcOperations jdbc;

  DataValues(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends the next version of the key; the caller has checked access and the period's lock. */
  @Transactional
  public DataValue append(Indicator indicator, ValueKey key, OrgUnit unit, BigDecimal value, String source,
      Optional<UUID> by, Optional<String> sourceRef) {
    lockKey(indicator, key);
    int version = latestVersion(indicator, key, unit) + 1;
    Instant at = Rows.one(jdbc, "insert into impact_value (indicator_id, period, period_start, period_end,"
        + " org_unit_id, category, version, value, source, source_ref, entered_by) values"
        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning entered_at", s -> {
          s.setObject(1, indicator.id());
          s.setString(2, key.period().id());
          s.setDate(3, Date.valueOf(key.period().start()));
          s.setDate(4, Date.valueOf(key.period().end()));
          s.setObject(5, unit.id());
          s.setString(6, key.category());
          s.setInt(7, version);
          s.setBigDecimal(8, value);
          s.setString(9, source);
          s.setString(10, sourceRef.orElse(null));
          s.setObject(11, by.orElse(null));
        }, r -> r.getTimestamp(1).toInstant()).orElseThrow();
    return new DataValue(key, version, value, source, Optional.empty(), at);
  }

  /**
   * Adds to the key's current value (zero if none) as a new version, once per origin: an automatic count's event
   * delivered twice adds once. Empty if that origin was counted already.
   */
  @Transactional
  public Optional<DataValue> addOnce(Indicator indicator, ValueKey key, OrgUnit unit, BigDecimal delta,
      String source, String sourceRef) {
    lockKey(indicator, key);
    boolean seen = Rows.one(jdbc, "select 1 from impact_value where indicator_id = ? and source_ref = ?", s -> {
      s.setObject(1, indicator.id());
      s.setString(2, sourceRef);
    }, r -> true).isPresent();
    if (seen) {
      return Optional.empty();
    }
    BigDecimal current = current(indicator, key, unit).orElse(BigDecimal.ZERO);
    return Optional.of(append(indicator, key, unit, current.add(delta), source, Optional.empty(),
        Optional.of(sourceRef)));
  }

  @Transactional(readOnly = true)
  public Optional<BigDecimal> current(Indicator indicator, ValueKey key, OrgUnit unit) {
    return Rows.one(jdbc, "select value from impact_value where indicator_id = ? and period = ? and org_unit_id = ?"
        + " and category = ? order by version desc limit 1", s -> bindKey(s, indicator, key, unit),
        r -> r.getBigDecimal(1));
  }

  /** Every version of the key, newest first, with the name of who entered each. */
  @Transactional(readOnly = true)
  public List<DataValue> history(Indicator indicator, ValueKey key, OrgUnit unit) {
    return Rows.list(jdbc, "select v.version, v.value, v.source, u.display_name, v.entered_at from impact_value v"
        + " left join app_user u on u.id = v.entered_by where v.indicator_id = ? and v.period = ?"
        + " and v.org_unit_id = ? and v.category = ? order by v.version desc limit 1000",
        s -> bindKey(s, indicator, key, unit), r -> new DataValue(key, r.getInt(1), r.getBigDecimal(2),
            r.getString(3), Optional.ofNullable(r.getString(4)), r.getTimestamp(5).toInstant()));
  }

  /**
   * The current values of one category of the indicator in the unit's subtree, whose periods lie within the dates:
   * what {@link Aggregation} combines.
   */
  @Transactional(readOnly = true)
  public List<Observation> observations(Indicator indicator, OrgUnit subtree, String category,
      java.time.LocalDate from, java.time.LocalDate to) {
    return Rows.list(jdbc, """
        select distinct on (v.period, v.org_unit_id) v.period, v.org_unit_id, v.value
        from impact_value v join impact_org_unit u on u.id = v.org_unit_id
        where v.indicator_id = ? and v.category = ? and u.path like ? and v.period_start >= ? and v.period_end <= ?
        order by v.period, v.org_unit_id, v.version desc""", s -> {
          s.setObject(1, indicator.id());
          s.setString(2, category);
          s.setString(3, likePrefix(subtree.path()));
          s.setDate(4, Date.valueOf(from));
          s.setDate(5, Date.valueOf(to));
        }, r -> new Observation(Period.of(r.getString(1)), r.getObject(2, UUID.class), r.getBigDecimal(3)));
  }

  /** The current value of every key of the framework's indicators, for export. */
  @Transactional(readOnly = true)
  public List<Current> currentOf(UUID framework, int limit) {
    return Rows.list(jdbc, """
        select i.code, c.period, u.code, c.category, c.value, c.version, c.source, coalesce(a.display_name, ''),
               c.entered_at
        from (select distinct on (v.indicator_id, v.period, v.org_unit_id, v.category) v.*
              from impact_value v join impact_indicator i on i.id = v.indicator_id
              join impact_result r on r.id = i.result_id where r.framework_id = ?
              order by v.indicator_id, v.period, v.org_unit_id, v.category, v.version desc) c
        join impact_indicator i on i.id = c.indicator_id join impact_org_unit u on u.id = c.org_unit_id
        left join app_user a on a.id = c.entered_by
        order by i.code, c.period_start, c.period, u.path, c.category limit ?""", s -> {
          s.setObject(1, framework);
          s.setInt(2, limit);
        }, r -> new Current(r.getString(1), Period.of(r.getString(2)), r.getString(3), r.getString(4),
            r.getBigDecimal(5), r.getInt(6), r.getString(7), r.getString(8), r.getTimestamp(9).toInstant()));
  }

  private int latestVersion(Indicator indicator, ValueKey key, OrgUnit unit) {
    return Rows.one(jdbc, "select coalesce(max(version), 0) from impact_value where indicator_id = ? and period = ?"
        + " and org_unit_id = ? and category = ?", s -> bindKey(s, indicator, key, unit), r -> r.getInt(1))
        .orElse(0);
  }

  /** Serialises writers of one key, so two corrections at once get versions n+1 and n+2, not a conflict. */
  private void lockKey(Indicator indicator, ValueKey key) {
    Rows.list(jdbc, "select pg_advisory_xact_lock(hashtextextended(?, 0))", s -> s.setString(1,
        "impact:" + indicator.id() + ":" + key.period().id() + ":" + key.orgUnit() + ":" + key.category()),
        r -> true);
  }

  private static void bindKey(java.sql.PreparedStatement s, Indicator indicator, ValueKey key, OrgUnit unit)
      throws java.sql.SQLException {
    s.setObject(1, indicator.id());
    s.setString(2, key.period().id());
    s.setObject(3, unit.id());
    s.setString(4, key.category());
  }

  private static String likePrefix(String path) {
    return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
