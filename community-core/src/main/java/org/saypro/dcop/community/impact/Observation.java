package org.saypro.dcop.community.impact;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** One current data value as aggregation sees it: its period, organisation unit and number. */
public record Observation(Period period, UUID orgUnit, BigDecimal value) {
  public Observation {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(orgUnit, "orgUnit");
    Objects.requireNonNull(value, "value");
  }
}
