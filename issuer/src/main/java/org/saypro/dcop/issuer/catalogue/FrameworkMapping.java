package org.saypro.dcop.issuer.catalogue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A recorded mutual recognition: a code in one qualifications framework is recognised as a code in another (for
 * example an NQF level against a level of another country's framework).
 *
 * @param relation {@code equivalent}, {@code comparable} or {@code partial}
 * @param recordedBy the organisation that recorded it (an accreditation body), when known
 */
public record FrameworkMapping(
    UUID id,
    String fromFramework,
    String fromCode,
    String toFramework,
    String toCode,
    String relation,
    Optional<String> note,
    Optional<UUID> recordedBy,
    Instant createdAt) {

  public static final Set<String> RELATIONS = Set.of("equivalent", "comparable", "partial");

  public FrameworkMapping {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(recordedBy, "recordedBy");
    Objects.requireNonNull(createdAt, "createdAt");
    text("fromFramework", fromFramework, 200);
    text("fromCode", fromCode, 100);
    text("toFramework", toFramework, 200);
    text("toCode", toCode, 100);
    if (!RELATIONS.contains(relation)) {
      throw new IllegalArgumentException("relation is equivalent, comparable or partial");
    }
    if (note.isPresent() && note.get().length() > 2000) {
      throw new IllegalArgumentException("a note is at most 2000 characters");
    }
    if (fromFramework.equals(toFramework) && fromCode.equals(toCode)) {
      throw new IllegalArgumentException("a mapping joins two different entries");
    }
  }

  private static void text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(field + " is 1 to " + max + " characters");
    }
  }
}
