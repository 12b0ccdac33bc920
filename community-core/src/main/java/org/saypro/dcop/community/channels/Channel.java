package org.saypro.dcop.community.channels;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A team channel. Group channels belong to a working group (audience: all its members, or its coordinators only),
 * project channels to a project; task forces list their members explicitly. A private channel is also left out of
 * the channel directory, so non-members do not learn it exists.
 */
public record Channel(UUID id, String kind, String name, boolean privateChannel, Optional<String> group,
    String audience, Optional<UUID> project, UUID createdBy, Instant createdAt) {

  public static final List<String> KINDS = List.of("group", "project", "task-force");
  public static final List<String> AUDIENCES = List.of("members", "coordinators");
  public static final int MAX_NAME = 100;

  public Channel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!KINDS.contains(kind) || !AUDIENCES.contains(audience)) {
      throw new IllegalArgumentException("unknown channel kind or audience: " + kind + ", " + audience);
    }
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("a channel name has 1 to " + MAX_NAME + " characters");
    }
    if (group.isPresent() != "group".equals(kind) || project.isPresent() != "project".equals(kind)) {
      throw new IllegalArgumentException("a group channel names its group, a project channel its project");
    }
  }

  public boolean taskForce() {
    return "task-force".equals(kind);
  }
}
