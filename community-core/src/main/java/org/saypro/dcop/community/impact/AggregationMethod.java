package org.saypro.dcop.community.impact;

import java.util.Optional;

/**
 * How an indicator's values combine across periods and organisation units (see {@link Aggregation}): sum, the mean
 * of every value, or the latest period's values only.
 */
public enum AggregationMethod {
  SUM("sum"),
  AVERAGE("average"),
  LATEST("latest");

  private final String label;

  AggregationMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<AggregationMethod> fromLabel(String label) {
    for (AggregationMethod m : values()) {
      if (m.label.equals(label)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
