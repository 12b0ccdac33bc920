package org.saypro.dcop.community.impact;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An IATI-style indicator of a result: ascending means more is better. {@code autoSource} names where values come
 * from by themselves: {@code webinar-attendance}, {@code credentials-issued} or {@code project-output:<name>}.
 */
public record Indicator(UUID id, UUID resultId, String code, String name, Measure measure, String unit,
    boolean ascending, AggregationMethod aggregation, Optional<BigDecimal> baseline, Optional<Period> baselinePeriod,
    Optional<String> autoSource) {

  public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$");
  public static final String WEBINAR_ATTENDANCE = "webinar-attendance";
  public static final String CREDENTIALS_ISSUED = "credentials-issued";
  public static final String PROJECT_OUTPUT = "project-output:";

  public Indicator {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(resultId, "resultId");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("not an indicator code: " + code);
    }
    if (name.isBlank() || name.length() > 300 || unit.length() > 50) {
      throw new IllegalArgumentException("name of 1 to 300 and unit of at most 50 characters");
    }
    if (measure == Measure.PERCENTAGE && aggregation == AggregationMethod.SUM) {
      throw new IllegalArgumentException("percentages are averaged, never added up");
    }
    if (baseline.isPresent() != baselinePeriod.isPresent()) {
      throw new IllegalArgumentException("a baseline has both a value and a period");
    }
    if (autoSource.filter(s -> !isAutoSource(s)).isPresent()) {
      throw new IllegalArgumentException("not an automatic source: " + autoSource.get());
    }
  }

  public static boolean isAutoSource(String source) {
    return source.equals(WEBINAR_ATTENDANCE) || source.equals(CREDENTIALS_ISSUED)
        || (source.startsWith(PROJECT_OUTPUT) && source.length() > PROJECT_OUTPUT.length()
            && source.length() <= PROJECT_OUTPUT.length() + 200);
  }

  /** The unit as shown after a number: "%" for percentages. */
  public String unitLabel() {
    return measure == Measure.PERCENTAGE ? "%" : unit;
  }
}
