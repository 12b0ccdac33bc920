package org.saypro.dcop.community.impact;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a data value is of, keyed as in DHIS2: indicator (by code), period, organisation unit (by code), and the
 * disaggregation's category option (a stakeholder type, or {@code total}).
 */
public record ValueKey(String indicator, Period period, String orgUnit, String category) {

  public static final String TOTAL = "total";
  public static final Pattern CATEGORY = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,39}$");

  public ValueKey {
    Objects.requireNonNull(period, "period");
    if (!Indicator.CODE.matcher(indicator).matches() || !OrgUnit.CODE.matcher(orgUnit).matches()
        || !CATEGORY.matcher(category).matches()) {
      throw new IllegalArgumentException("not a data value key: " + indicator + "/" + orgUnit + "/" + category);
    }
  }
}
