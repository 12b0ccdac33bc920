package org.saypro.dcop.core.model;

import java.util.Objects;
import java.util.Optional;

/** The Open Badges 3.0 achievement an {@code AchievementCredential} attests: what was achieved. */
public record Achievement(String id, String name, Optional<String> description, Optional<String> criteria) {
  public Achievement {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(criteria, "criteria");
    if (!Urls.isAbsolute(id)) {
      throw new IllegalArgumentException("achievement id must be an absolute URL: " + id);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("achievement name is required");
    }
  }
}
