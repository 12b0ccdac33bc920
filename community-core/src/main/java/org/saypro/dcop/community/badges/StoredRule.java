package org.saypro.dcop.community.badges;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A rule's version as stored.
 *
 * @param locked something was awarded under this version: it is never edited again
 */
public record StoredRule(UUID id, UUID organisationId, int version, RuleDefinition definition, boolean locked,
    Instant createdAt) {
  public StoredRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organisationId, "organisationId");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
