package org.saypro.dcop.community.impact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One version of a data value: who entered it, when, from where. Versions are never changed. */
public record DataValue(ValueKey key, int version, BigDecimal value, String source, Optional<String> enteredBy,
    Instant enteredAt) {

  public static final List<String> SOURCES =
      List.of("manual", "import", "project-output", "webinar-attendance", "credentials-issued");

  public DataValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(enteredAt, "enteredAt");
    if (version < 1 || !SOURCES.contains(source)) {
      throw new IllegalArgumentException("version from 1, and a known source");
    }
  }
}
