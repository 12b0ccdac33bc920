package org.saypro.dcop.community.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An indicator's figures for a dashboard: per period the aggregated actual value and the target, then the whole
 * span's actual and target, and how far the actual has come from the baseline towards the target (0 to 1).
 */
public record IndicatorSummary(Indicator indicator, List<PeriodFigures> periods, Optional<BigDecimal> actual,
    Optional<BigDecimal> target, Optional<Double> progress) {

  /** One period's figures. */
  public record PeriodFigures(Period period, Optional<BigDecimal> actual, Optional<BigDecimal> target) {}

  public IndicatorSummary {
    Objects.requireNonNull(indicator, "indicator");
    periods = List.copyOf(periods);
  }

  /**
   * How far the actual value has moved from the baseline (0 when none) to the target. Ascending: (actual - baseline)
   * / (target - baseline). Descending, where less is better: (baseline - actual) / (baseline - target); with no
   * baseline, met (1) at or below the target, else target / actual. Clamped to 0..1; empty without both numbers.
   */
  public static Optional<Double> progress(Indicator indicator, Optional<BigDecimal> actual,
      Optional<BigDecimal> target) {
    if (actual.isEmpty() || target.isEmpty()) {
      return Optional.empty();
    }
    double a = actual.get().doubleValue();
    double t = target.get().doubleValue();
    Optional<Double> base = indicator.baseline().map(BigDecimal::doubleValue);
    double fraction;
    if (indicator.ascending()) {
      double b = base.orElse(0.0);
      fraction = t == b ? (a >= t ? 1 : 0) : (a - b) / (t - b);
    } else if (base.isPresent() && base.get() != t) {
      fraction = (base.get() - a) / (base.get() - t);
    } else {
      fraction = a <= t ? 1 : (a == 0 ? 1 : t / a);
    }
    return Optional.of(Math.max(0, Math.min(1, fraction)));
  }
}
