package org.saypro.dcop.community.forums;

import java.util.Objects;
import java.util.UUID;

/** A thread that matches a search, through its title or one of its visible posts. */
public record SearchHit(UUID threadId, String title, String category, float rank) {

  public SearchHit {
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
  }
}
