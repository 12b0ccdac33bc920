package org.saypro.dcop.community.forums;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A post as stored: its Markdown source and the sanitised HTML {@link MarkdownRenderer} made of it when it was
 * written, with the count of each reaction kind.
 */
public record ForumPost(UUID id, UUID threadId, UUID authorId, String authorName, String source, String html,
    boolean hidden, Instant createdAt, Map<String, Integer> reactions) {

  public ForumPost {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(authorName, "authorName");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(createdAt, "createdAt");
    reactions = Map.copyOf(reactions);
  }

  public ForumPost withReactions(Map<String, Integer> counts) {
    return new ForumPost(id, threadId, authorId, authorName, source, html, hidden, createdAt, counts);
  }
}
