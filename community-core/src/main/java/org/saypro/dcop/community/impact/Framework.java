package org.saypro.dcop.community.impact;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A results framework; one of a project is seen by the project's people and its funders. */
public record Framework(UUID id, String title, Optional<UUID> projectId, Optional<String> projectGroup) {
  public Framework {
    Objects.requireNonNull(id, "id");
    if (title.isBlank() || title.length() > 200) {
      throw new IllegalArgumentException("a title of 1 to 200 characters");
    }
    if (projectId.isPresent() != projectGroup.isPresent()) {
      throw new IllegalArgumentException("a project's framework knows the project's group");
    }
  }
}
