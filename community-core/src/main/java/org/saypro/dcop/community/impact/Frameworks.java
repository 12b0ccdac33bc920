package org.saypro.dcop.community.impact;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Results frameworks: their results, indicators and targets. */
@Singleton
public class Frameworks {

  /** A target of an indicator for a period at an organisation unit. */
  public record Target(Period period, UUID orgUnit, BigDecimal value) {}

  private static final String FRAMEWORK = "select f.id, f.title, f.project_id, p.group_slug from impact_framework f"
      + " left join project p on p.id = f.project_id";
  private static final String INDICATOR = "select i.id, i.result_id, i.code, i.name, i.measure, i.unit, i.ascending,"
      + " i.aggregation, i.baseline_value, i.baseline_period, i.auto_source from impact_indicator i";

  private final JdbcOperations jdbc;

  Frameworks(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public Framework create(String title, Optional<UUID> project, UUID by) {
    UUID id = UUID.randomUUID();
    Rows.update(jdbc, "insert into impact_framework (id, title, project_id, created_by) values (?, ?, ?, ?)", s -> {
      s.setObject(1, id);
      s.setString(2, title);
      s.setObject(3, project.orElse(null));
      s.setObject(4, by);
    });
    return require(id);
  }

  @Transactional(readOnly = true)
  public Framework require(UUID id) {
    return Rows.one(jdbc, FRAMEWORK + " where f.id = ?", s -> s.setObject(1, id), Frameworks::framework)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no results framework has the id " + id));
  }

  @Transactional(readOnly = true)
  public List<Framework> all() {
    return Rows.list(jdbc, FRAMEWORK + " order by lower(f.title), f.id limit 500", s -> { }, Frameworks::framework);
  }

  @Transactional
  public Result addResult(UUID framework, Optional<UUID> parent, String level, String title) {
    Result result = new Result(UUID.randomUUID(), framework, parent, level, title);
    Rows.update(jdbc, "insert into impact_result (id, framework_id, parent_id, level, title) values (?, ?, ?, ?, ?)",
        s -> {
          s.setObject(1, result.id());
          s.setObject(2, framework);
          s.setObject(3, parent.orElse(null));
          s.setString(4, level);
          s.setString(5, title);
        });
    return result;
  }

  @Transactional(readOnly = true)
  public Optional<Result> result(UUID id) {
    return Rows.one(jdbc, "select id, framework_id, parent_id, level, title from impact_result where id = ?",
        s -> s.setObject(1, id), Frameworks::result);
  }

  /** The framework's results, impacts first, then outcomes, then outputs. */
  @Transactional(readOnly = true)
  public List<Result> results(UUID framework) {
    return Rows.list(jdbc, "select id, framework_id, parent_id, level, title from impact_result where framework_id = ?"
        + " order by array_position(array['impact', 'outcome', 'output'], level), title, id limit 500",
        s -> s.setObject(1, framework), Frameworks::result);
  }

  /** False if the code is taken (codes are unique across frameworks, as in DHIS2). */
  @Transactional
  public boolean addIndicator(Indicator i) {
    return Rows.update(jdbc, "insert into impact_indicator (id, result_id, code, name, measure, unit, ascending,"
        + " aggregation, baseline_value, baseline_period, auto_source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " on conflict (code) do nothing", s -> {
          s.setObject(1, i.id());
          s.setObject(2, i.resultId());
          s.setString(3, i.code());
          s.setString(4, i.name());
          s.setString(5, i.measure().label());
          s.setString(6, i.unit());
          s.setBoolean(7, i.ascending());
          s.setString(8, i.aggregation().label());
          s.setBigDecimal(9, i.baseline().orElse(null));
          s.setString(10, i.baselinePeriod().map(Period::id).orElse(null));
          s.setString(11, i.autoSource().orElse(null));
        }) > 0;
  }

  @Transactional(readOnly = true)
  public Optional<Indicator> indicator(String code) {
    return Rows.one(jdbc, INDICATOR + " where i.code = ?", s -> s.setString(1, code), Frameworks::indicator);
  }

  @Transactional(readOnly = true)
  public List<Indicator> indicators(UUID framework) {
    return Rows.list(jdbc, INDICATOR + " join impact_result r on r.id = i.result_id where r.framework_id = ?"
        + " order by array_position(array['impact', 'outcome', 'output'], r.level), i.code limit 500",
        s -> s.setObject(1, framework), Frameworks::indicator);
  }

  /** The framework an indicator belongs to. */
  @Transactional(readOnly = true)
  public Framework frameworkOf(Indicator indicator) {
    return require(result(indicator.resultId()).orElseThrow().frameworkId());
  }

  /** Indicators counting the automatic source, with the project of their framework (if any). */
  @Transactional(readOnly = true)
  public List<Indicator> withAutoSource(String source) {
    return Rows.list(jdbc, INDICATOR + " where i.auto_source = ? order by i.code limit 500",
        s -> s.setString(1, source), Frameworks::indicator);
  }

  /** Sets (or replaces) a target: targets are the plan, not reported data, so they keep no history. */
  @Transactional
  public void setTarget(UUID indicator, Period period, UUID orgUnit, BigDecimal value) {
    Rows.update(jdbc, "insert into impact_target (indicator_id, period, org_unit_id, value) values (?, ?, ?, ?)"
        + " on conflict (indicator_id, period, org_unit_id) do update set value = excluded.value", s -> {
          s.setObject(1, indicator);
          s.setString(2, period.id());
          s.setObject(3, orgUnit);
          s.setBigDecimal(4, value);
        });
  }

  @Transactional(readOnly = true)
  public List<Target> targets(UUID indicator) {
    return Rows.list(jdbc, "select period, org_unit_id, value from impact_target where indicator_id = ?"
        + " order by period, org_unit_id", s -> s.setObject(1, indicator),
        r -> new Target(Period.of(r.getString(1)), r.getObject(2, UUID.class), r.getBigDecimal(3)));
  }

  private static Framework framework(ResultSet r) throws SQLException {
    return new Framework(r.getObject(1, UUID.class), r.getString(2), Optional.ofNullable(r.getObject(3, UUID.class)),
        Optional.ofNullable(r.getString(4)));
  }

  private static Result result(ResultSet r) throws SQLException {
    return new Result(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
        Optional.ofNullable(r.getObject(3, UUID.class)), r.getString(4), r.getString(5));
  }

  private static Indicator indicator(ResultSet r) throws SQLException {
    return new Indicator(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3), r.getString(4),
        Measure.fromLabel(r.getString(5)).orElseThrow(), r.getString(6), r.getBoolean(7),
        AggregationMethod.fromLabel(r.getString(8)).orElseThrow(), Optional.ofNullable(r.getBigDecimal(9)),
        Optional.ofNullable(r.getString(10)).map(Period::of), Optional.ofNullable(r.getString(11)));
  }
}
