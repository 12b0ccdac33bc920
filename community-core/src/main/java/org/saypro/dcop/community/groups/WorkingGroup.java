package org.saypro.dcop.community.groups;

import java.util.Objects;

/** A working group: a theme of the community, identified by its slug. */
public record WorkingGroup(String slug, String name, String description) {
  public WorkingGroup {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }
}
