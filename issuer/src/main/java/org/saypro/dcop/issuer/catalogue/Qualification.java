package org.saypro.dcop.issuer.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.saypro.dcop.core.openbadges.AchievementAward;
import org.saypro.dcop.core.openbadges.Alignment;

/**
 * A qualification in an organisation's catalogue. Its level on a qualifications framework (an NQF level) and any
 * unit standards are alignments, as Open Badges expresses them.
 *
 * @param validityMonths how long an award stays valid; empty for no expiry
 */
public record Qualification(
    UUID id,
    UUID organisationId,
    String code,
    String title,
    String description,
    String criteria,
    String achievementType,
    OptionalInt credits,
    OptionalInt validityMonths,
    List<Alignment> alignments,
    Instant createdAt) {

  public Qualification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organisationId, "organisationId");
    Objects.requireNonNull(credits, "credits");
    Objects.requireNonNull(validityMonths, "validityMonths");
    Objects.requireNonNull(createdAt, "createdAt");
    alignments = List.copyOf(alignments);
    if (!isCode(code)) {
      throw new IllegalArgumentException("a qualification code is 1 to 40 letters, digits, '.', '_' or '-'");
    }
    text("title", title, 200);
    text("description", description, 4000);
    text("criteria", criteria, 4000);
    if (!AchievementAward.isAchievementType(achievementType)) {
      throw new IllegalArgumentException("achievementType is an Open Badges 3.0 type (e.g. Certificate, Diploma,"
          + " Badge) or ext:<name>");
    }
    if (credits.isPresent() && (credits.getAsInt() < 0 || credits.getAsInt() > 10_000)) {
      throw new IllegalArgumentException("credits are between 0 and 10000");
    }
    if (validityMonths.isPresent() && (validityMonths.getAsInt() < 1 || validityMonths.getAsInt() > 1200)) {
      throw new IllegalArgumentException("validityMonths is between 1 and 1200");
    }
    if (alignments.size() > 20) {
      throw new IllegalArgumentException("at most 20 alignments");
    }
  }

  public static boolean isCode(String code) {
    return code != null && code.matches("[A-Za-z0-9._-]{1,40}");
  }

  private static void text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(field + " is 1 to " + max + " characters");
    }
  }
}
