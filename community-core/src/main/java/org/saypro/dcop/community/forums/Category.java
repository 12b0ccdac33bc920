package org.saypro.dcop.community.forums;

import java.util.Objects;
import java.util.Optional;

/** A forum category: general (no group, moderated by platform admins) or one working group's. */
public record Category(String slug, String name, String description, Optional<String> group) {

  public Category {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(group, "group");
  }
}
