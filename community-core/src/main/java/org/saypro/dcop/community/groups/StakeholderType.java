package org.saypro.dcop.community.groups;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a member is in the community, as the directory shows it; stored by {@link #code()}. */
public enum StakeholderType {
  SAYPRO_STAFF("SayPro staff"),
  COLLEGE_LECTURER("College lecturer"),
  FUNDER("Funder"),
  MUNICIPAL_PLANNER("Municipal planner"),
  LEARNER("Learner"),
  COMMUNITY_EDUCATOR("Community educator");

  private final String label;

  StakeholderType(String label) {
    this.label = label;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Optional<StakeholderType> parse(String code) {
    return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
  }
}
