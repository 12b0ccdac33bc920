package org.saypro.dcop.community.groups;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One member as a group's directory lists them: the organisations are those the member belongs to in accounts. */
public record DirectoryEntry(UUID userId, String displayName, List<String> organisations,
    Optional<StakeholderType> stakeholderType, boolean coordinator, Instant joinedAt) {
  public DirectoryEntry {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(displayName, "displayName");
    organisations = List.copyOf(organisations);
    Objects.requireNonNull(stakeholderType, "stakeholderType");
    Objects.requireNonNull(joinedAt, "joinedAt");
  }
}
