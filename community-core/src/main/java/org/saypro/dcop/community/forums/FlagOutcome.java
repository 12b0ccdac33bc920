package org.saypro.dcop.community.forums;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a moderator resolved a post's open flags: the post hidden, or the flags dismissed with the post left up. */
public enum FlagOutcome {
  HIDDEN, DISMISSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FlagOutcome> byCode(String code) {
    return Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst();
  }
}
