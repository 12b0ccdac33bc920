package org.saypro.dcop.community.badges;

import java.util.Objects;

/**
 * One event that satisfied a rule, told for the learner and anyone checking the badge ("Attended webinar Play-based
 * maths on 2026-03-04").
 *
 * @param id a URI naming the event it came from
 */
public record BadgeEvidence(String id, String name, String description, String narrative) {
  public BadgeEvidence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(narrative, "narrative");
  }
}
