package org.saypro.dcop.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verifiable credential (VC Data Model 2.0) that passed validation: the typed view of the parts this service
 * reasons about, and the JSON document itself, which is what gets signed. The JSON is owned by this record;
 * callers treat it as read-only.
 */
public record Credential(
    List<String> contexts,
    Optional<String> id,
    List<String> types,
    Issuer issuer,
    Optional<Instant> validFrom,
    Optional<Instant> validUntil,
    List<CredentialSubject> subjects,
    Optional<Achievement> achievement,
    ObjectNode json) {

  public static final String TYPE = "VerifiableCredential";

  public Credential {
    contexts = List.copyOf(contexts);
    types = List.copyOf(types);
    subjects = List.copyOf(subjects);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(achievement, "achievement");
    Objects.requireNonNull(json, "json");
    if (contexts.isEmpty() || !Contexts.CREDENTIALS_V2.equals(contexts.get(0))) {
      throw new IllegalArgumentException("the first context must be " + Contexts.CREDENTIALS_V2);
    }
    if (!types.contains(TYPE)) {
      throw new IllegalArgumentException("type must include " + TYPE);
    }
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException("at least one credentialSubject is required");
    }
    if (validFrom.isPresent() && validUntil.isPresent() && validUntil.get().isBefore(validFrom.get())) {
      throw new IllegalArgumentException("validUntil is before validFrom");
    }
    id.ifPresent(
        value -> {
          if (!Urls.isAbsolute(value)) {
            throw new IllegalArgumentException("id must be an absolute URL: " + value);
          }
        });
  }

  public boolean isOpenBadge() {
    return types.contains("OpenBadgeCredential") || types.contains("AchievementCredential");
  }

  /** The subject's id when there is exactly one subject with an id: what storage indexes by. */
  public Optional<String> primarySubjectId() {
    return subjects.size() == 1 ? subjects.get(0).id() : Optional.empty();
  }
}
