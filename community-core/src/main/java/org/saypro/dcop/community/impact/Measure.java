package org.saypro.dcop.community.impact;

import java.util.Optional;

/** What an indicator counts: a number of some unit, or a percentage (which never adds up). */
public enum Measure {
  UNIT("unit"),
  PERCENTAGE("percentage");

  private final String label;

  Measure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Measure> fromLabel(String label) {
    for (Measure m : values()) {
      if (m.label.equals(label)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
