package org.saypro.dcop.community.impact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Combines an indicator's current values (already filtered to the periods and organisation-unit subtree asked for):
 * <ul>
 *   <li>sum: every value added up (counts only: a percentage indicator cannot be configured to sum);</li>
 *   <li>average: the mean of every value, each period and unit weighing the same;</li>
 *   <li>latest: the values of the latest period only, added up across units for counts and averaged for
 *       percentages.</li>
 * </ul>
 * Empty when there are no values: no data is not zero.
 */
public final class Aggregation {

  private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

  private Aggregation() {}

  public static Optional<BigDecimal> of(AggregationMethod method, Measure measure, List<Observation> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (method == AggregationMethod.SUM && measure == Measure.PERCENTAGE) {
      throw new IllegalArgumentException("percentages are averaged, never added up");
    }
    switch (method) {
      case SUM:
        return Optional.of(sum(values));
      case AVERAGE:
        return Optional.of(mean(values));
      case LATEST:
        Period latest = values.stream().map(Observation::period).max(Comparator.naturalOrder()).orElseThrow();
        List<Observation> last = values.stream().filter(o -> o.period().equals(latest)).toList();
        return Optional.of(measure == Measure.PERCENTAGE ? mean(last) : sum(last));
      default:
        throw new IllegalStateException("unknown aggregation " + method);
    }
  }

  private static BigDecimal sum(List<Observation> values) {
    return values.stream().map(Observation::value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal mean(List<Observation> values) {
    return sum(values).divide(BigDecimal.valueOf(values.size()), PRECISION).stripTrailingZeros();
  }
}
