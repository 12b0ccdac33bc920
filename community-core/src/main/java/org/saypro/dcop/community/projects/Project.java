package org.saypro.dcop.community.projects;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A partnership project; partners are organisation slugs. */
public record Project(UUID id, String groupSlug, String title, String description, LocalDate startsOn,
    Optional<LocalDate> endsOn, String status, List<String> partners) {

  public static final Set<String> STATUSES = Set.of("planned", "active", "completed");

  public Project {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(groupSlug, "groupSlug");
    if (title == null || title.isBlank() || title.length() > 200) {
      throw new IllegalArgumentException("title must have 1 to 200 characters");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(startsOn, "startsOn");
    if (endsOn.filter(e -> e.isBefore(startsOn)).isPresent()) {
      throw new IllegalArgumentException("a project ends on or after its start");
    }
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be planned, active or completed");
    }
    partners = List.copyOf(partners);
  }
}
