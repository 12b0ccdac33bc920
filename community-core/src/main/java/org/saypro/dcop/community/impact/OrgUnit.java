package org.saypro.dcop.community.impact;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An organisation unit of the tree national -> region or municipality -> college or hub; {@code path} lists the ids
 * from the root, so a subtree is every unit whose path starts with this one's.
 */
public record OrgUnit(UUID id, String code, String name, String level, Optional<UUID> parentId, String path,
    Optional<UUID> organisationId) {

  public static final UUID NATIONAL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  public static final List<String> LEVELS = List.of("national", "region", "municipality", "college", "hub");
  public static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");

  public OrgUnit {
    Objects.requireNonNull(id, "id");
    if (!CODE.matcher(code).matches() || name.isBlank() || name.length() > 200 || !LEVELS.contains(level)) {
      throw new IllegalArgumentException("not a valid organisation unit: " + code);
    }
    if (level.equals("national") != parentId.isEmpty() || !path.endsWith("/" + id + "/")) {
      throw new IllegalArgumentException("only the national unit has no parent, and the path ends with the id");
    }
    Objects.requireNonNull(organisationId, "organisationId");
  }

  /** Which levels may sit under a unit of this level. */
  public static List<String> childLevels(String level) {
    switch (level) {
      case "national":
        return List.of("region", "municipality");
      case "region":
        return List.of("municipality", "college", "hub");
      case "municipality":
        return List.of("college", "hub");
      default:
        return List.of();
    }
  }
}
