package org.saypro.dcop.community.forums;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A post with open flags, as the moderators' queue shows it: an excerpt of its source, its thread, the reasons given
 * and how many members flagged it. Who flagged it is not part of it: moderators judge the post, not the flaggers.
 */
public record FlaggedPost(UUID postId, UUID threadId, String threadTitle, String category, String excerpt,
    boolean hidden, List<String> reasons, int flaggers, Instant firstFlaggedAt) {

  /** Characters of the post's Markdown source the queue shows. */
  public static final int EXCERPT = 300;

  public FlaggedPost {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(threadTitle, "threadTitle");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(excerpt, "excerpt");
    Objects.requireNonNull(firstFlaggedAt, "firstFlaggedAt");
    reasons = List.copyOf(reasons);
    if (flaggers < 1) {
      throw new IllegalArgumentException("a flagged post has at least one flag");
    }
  }
}
