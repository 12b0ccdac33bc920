package org.saypro.dcop.community.impact;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A framework's figures at one organisation unit (its whole subtree) for one category option. */
@Singleton
public class Dashboards {

  private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2999, 12, 31);

  private final Frameworks frameworks;
  private final DataValues values;

  Dashboards(Frameworks frameworks, DataValues values) {
    this.frameworks = frameworks;
    this.values = values;
  }

  /** The summaries of the given indicators (a page of the framework's). */
  @Transactional(readOnly = true)
  public List<IndicatorSummary> of(List<Indicator> indicators, OrgUnit unit, String category) {
    List<IndicatorSummary> summaries = new ArrayList<>();
    for (Indicator indicator : indicators) {
      summaries.add(summary(indicator, values.observations(indicator, unit, category, FIRST, LAST),
          frameworks.targets(indicator.id()).stream().filter(t -> t.orgUnit().equals(unit.id())).toList()));
    }
    return summaries;
  }

  /**
   * Puts the figures together: each period's values aggregated across the subtree, the targets set for the unit
   * itself, and the span's totals. Targets of a summed indicator add up; for the others the latest target counts.
   */
  static IndicatorSummary summary(Indicator indicator, List<Observation> observations,
      List<Frameworks.Target> targets) {
    TreeSet<Period> periods = new TreeSet<>();
    observations.forEach(o -> periods.add(o.period()));
    targets.forEach(t -> periods.add(t.period()));
    List<IndicatorSummary.PeriodFigures> figures = new ArrayList<>();
    for (Period period : periods) {
      Optional<BigDecimal> actual = Aggregation.of(indicator.aggregation(), indicator.measure(),
          observations.stream().filter(o -> o.period().equals(period)).toList());
      Optional<BigDecimal> target = targets.stream().filter(t -> t.period().equals(period)).findFirst()
          .map(Frameworks.Target::value);
      figures.add(new IndicatorSummary.PeriodFigures(period, actual, target));
    }
    Optional<BigDecimal> actual = Aggregation.of(indicator.aggregation(), indicator.measure(), observations);
    Optional<BigDecimal> target = indicator.aggregation() == AggregationMethod.SUM
        ? targets.stream().map(Frameworks.Target::value).reduce(BigDecimal::add)
        : targets.stream().max((x, y) -> x.period().compareTo(y.period())).map(Frameworks.Target::value);
    return new IndicatorSummary(indicator, figures, actual, target,
        IndicatorSummary.progress(indicator, actual, target));
  }
}
