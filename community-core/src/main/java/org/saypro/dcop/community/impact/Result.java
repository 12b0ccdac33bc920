package org.saypro.dcop.community.impact;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A result of the framework: an impact, an outcome under an impact, or an output under an outcome. */
public record Result(UUID id, UUID frameworkId, Optional<UUID> parentId, String level, String title) {

  public static final List<String> LEVELS = List.of("impact", "outcome", "output");

  public Result {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(frameworkId, "frameworkId");
    if (!LEVELS.contains(level) || title.isBlank() || title.length() > 300) {
      throw new IllegalArgumentException("a level of impact, outcome or output and a title of 1 to 300 characters");
    }
    if (level.equals("impact") != parentId.isEmpty()) {
      throw new IllegalArgumentException("impacts have no parent; outcomes and outputs have one");
    }
  }

  /** The level a parent of this level must have. */
  public static Optional<String> parentLevel(String level) {
    return level.equals("outcome") ? Optional.of("impact") : level.equals("output") ? Optional.of("outcome")
        : Optional.empty();
  }
}
