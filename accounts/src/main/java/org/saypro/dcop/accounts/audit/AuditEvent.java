package org.saypro.dcop.accounts.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One audited fact. {@code actor} is a user id or {@code system}; {@code detail} never holds a secret (no password,
 * no token, no reason text that was not meant for the audit).
 */
public record AuditEvent(long id, Instant at, String actor, Optional<UUID> organisationId, String action,
    Optional<String> subject, Outcome outcome, ObjectNode detail) {

  public static final String SYSTEM = "system";

  /** How the attempt ended. */
  public enum Outcome {
    SUCCESS, FAILURE, DENIED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(organisationId, "organisationId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("an audit event names its actor");
    }
    if (action == null || !action.matches("[a-z][a-z.-]{1,60}")) {
      throw new IllegalArgumentException("an audit action is a short lower-case name such as status.changed");
    }
  }
}
