package org.saypro.dcop.community.forums;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A thread: its title and state; its opening post is its first post. */
public record ForumThread(UUID id, String category, String title, UUID authorId, String authorName, boolean locked,
    boolean hidden, Instant createdAt, Optional<UUID> acceptedPost, Instant lastPostAt) {

  /** Longest title, in characters. */
  public static final int MAX_TITLE = 200;

  public ForumThread {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
      throw new IllegalArgumentException("a thread title has 1 to " + MAX_TITLE + " characters");
    }
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(authorName, "authorName");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(acceptedPost, "acceptedPost");
    Objects.requireNonNull(lastPostAt, "lastPostAt");
  }
}
