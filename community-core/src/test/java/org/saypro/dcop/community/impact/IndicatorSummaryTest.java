package org.saypro.dcop.community.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Progress against targets, and the per-period figures of a dashboard, computed by hand. */
class IndicatorSummaryTest {

  private static final UUID UNIT = UUID.fromString("00000000-0000-0000-0000-00000000000a");

  @Test
  void ascendingProgressRunsFromTheBaselineToTheTarget() {
    Indicator learners = indicator(true, AggregationMethod.SUM, Optional.of("20"));
    // (50 - 20) / (80 - 20) = 0.5
    assertEquals(0.5, progress(learners, "50", "80"), 1e-9);
    assertEquals(1.0, progress(learners, "120", "80"), 1e-9, "beyond the target is clamped");
    assertEquals(0.0, progress(learners, "10", "80"), 1e-9, "below the baseline is clamped");
  }

  @Test
  void descendingProgressRunsDownwards() {
    Indicator dropouts = indicator(false, AggregationMethod.AVERAGE, Optional.of("40"));
    // (40 - 25) / (40 - 10) = 0.5
    assertEquals(0.5, progress(dropouts, "25", "10"), 1e-9);
    Indicator noBaseline = indicator(false, AggregationMethod.AVERAGE, Optional.empty());
    assertEquals(1.0, progress(noBaseline, "8", "10"), 1e-9, "at or below the target is met");
    assertEquals(0.5, progress(noBaseline, "20", "10"), 1e-9, "target / actual above it");
  }

  @Test
  void theSummaryAggregatesEachPeriodAndAddsTargetsOfSummedIndicators() {
    Indicator learners = indicator(true, AggregationMethod.SUM, Optional.empty());
    UUID other = UUID.randomUUID();
    List<Observation> values = List.of(new Observation(Period.of("2026Q1"), UNIT, new BigDecimal("10")),
        new Observation(Period.of("2026Q1"), other, new BigDecimal("5")),
        new Observation(Period.of("2026Q2"), UNIT, new BigDecimal("20")));
    List<Frameworks.Target> targets = List.of(new Frameworks.Target(Period.of("2026Q2"), UNIT, new BigDecimal("30")),
        new Frameworks.Target(Period.of("2026Q3"), UNIT, new BigDecimal("40")));
    IndicatorSummary summary = Dashboards.summary(learners, values, targets);
    assertEquals(List.of("2026Q1 15 -", "2026Q2 20 30", "2026Q3 - 40"), summary.periods().stream()
        .map(p -> p.period().id() + " " + p.actual().map(BigDecimal::toPlainString).orElse("-") + " "
            + p.target().map(BigDecimal::toPlainString).orElse("-")).toList());
    assertEquals(new BigDecimal("35"), summary.actual().orElseThrow());
    assertEquals(new BigDecimal("70"), summary.target().orElseThrow());
    // 35 / 70
    assertEquals(0.5, summary.progress().orElseThrow(), 1e-9);
    assertTrue(IndicatorSummary.progress(learners, Optional.empty(), summary.target()).isEmpty());
  }

  private static double progress(Indicator indicator, String actual, String target) {
    return IndicatorSummary.progress(indicator, Optional.of(new BigDecimal(actual)),
        Optional.of(new BigDecimal(target))).orElseThrow();
  }

  private static Indicator indicator(boolean ascending, AggregationMethod aggregation, Optional<String> baseline) {
    return new Indicator(UUID.randomUUID(), UUID.randomUUID(), "X", "X", Measure.UNIT, "", ascending, aggregation,
        baseline.map(BigDecimal::new), baseline.map(b -> Period.of("2025")), Optional.empty());
  }
}
