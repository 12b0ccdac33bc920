package org.saypro.dcop.community.impact.charts;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** One period of a chart: its label, the actual value and the target, either of which may be missing. */
public record Point(String label, Optional<BigDecimal> actual, Optional<BigDecimal> target) {
  public Point {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(target, "target");
  }
}
