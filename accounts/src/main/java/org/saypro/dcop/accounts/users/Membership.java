package org.saypro.dcop.accounts.users;

import java.util.Objects;
import java.util.UUID;

/** A user's role in an organisation (one role per organisation). */
public record Membership(UUID userId, UUID organisationId, String organisationSlug, Role role) {
  public Membership {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(organisationId, "organisationId");
    Objects.requireNonNull(organisationSlug, "organisationSlug");
    Objects.requireNonNull(role, "role");
  }
}
