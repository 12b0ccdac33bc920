package org.saypro.dcop.community.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Aggregation against values worked out by hand. Two colleges (A, B) over three quarters:
 * <pre>
 *          2026Q1  2026Q2  2026Q3
 *   A        10      20      30
 *   B         5      15       -
 * </pre>
 * sum = 10+20+30+5+15 = 80; average = 80 / 5 = 16; latest = 2026Q3 only = 30 (B did not report then).
 */
class AggregationTest {

  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  private static final List<Observation> COUNTS = List.of(
      obs("2026Q1", A, "10"), obs("2026Q2", A, "20"), obs("2026Q3", A, "30"),
      obs("2026Q1", B, "5"), obs("2026Q2", B, "15"));

  @Test
  void sumAddsEveryPeriodAndUnit() {
    assertEquals(new BigDecimal("80"), Aggregation.of(AggregationMethod.SUM, Measure.UNIT, COUNTS).orElseThrow());
  }

  @Test
  void averageWeighsEveryValueTheSame() {
    assertEquals(0, new BigDecimal("16").compareTo(
        Aggregation.of(AggregationMethod.AVERAGE, Measure.UNIT, COUNTS).orElseThrow()));
  }

  @Test
  void latestTakesTheLastPeriodOnly() {
    assertEquals(new BigDecimal("30"), Aggregation.of(AggregationMethod.LATEST, Measure.UNIT, COUNTS).orElseThrow());
    List<Observation> bothInQ2 = COUNTS.stream().filter(o -> !o.period().id().equals("2026Q3")).toList();
    assertEquals(new BigDecimal("35"), Aggregation.of(AggregationMethod.LATEST, Measure.UNIT, bothInQ2).orElseThrow(),
        "counts of the latest period add up across units: 20 + 15");
  }

  @Test
  void latestPercentagesAverageAcrossUnits() {
    // pass rates: A 60% and B 90% in 2026Q2, A 50% in 2026Q1; latest = (60 + 90) / 2 = 75
    List<Observation> rates = List.of(obs("2026Q1", A, "50"), obs("2026Q2", A, "60"), obs("2026Q2", B, "90"));
    assertEquals(0, new BigDecimal("75").compareTo(
        Aggregation.of(AggregationMethod.LATEST, Measure.PERCENTAGE, rates).orElseThrow()));
    // average of all three: (50 + 60 + 90) / 3 = 66.6666666667 (12 significant digits)
    assertEquals(new BigDecimal("66.6666666667"),
        Aggregation.of(AggregationMethod.AVERAGE, Measure.PERCENTAGE, rates).orElseThrow());
  }

  @Test
  void aYearIsLaterThanNothingButItsQuartersStartWithIt() {
    // a year and its first quarter start together; the quarter is the later (shorter) one
    List<Observation> mixed = List.of(obs("2026", A, "100"), obs("2026Q1", A, "7"));
    assertEquals(new BigDecimal("7"), Aggregation.of(AggregationMethod.LATEST, Measure.UNIT, mixed).orElseThrow());
  }

  @Test
  void noValuesIsNoResultNotZero() {
    assertTrue(Aggregation.of(AggregationMethod.SUM, Measure.UNIT, List.of()).isEmpty());
  }

  @Test
  void percentagesNeverSum() {
    assertThrows(IllegalArgumentException.class,
        () -> Aggregation.of(AggregationMethod.SUM, Measure.PERCENTAGE, COUNTS));
    assertThrows(IllegalArgumentException.class, () -> new Indicator(A, B, "PASS", "Pass rate", Measure.PERCENTAGE,
        "", true, AggregationMethod.SUM, java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty()));
  }

  private static Observation obs(String period, UUID unit, String value) {
    return new Observation(Period.of(period), unit, new BigDecimal(value));
  }
}
