package org.saypro.dcop.community.channels;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A message of a channel: its Markdown source and the sanitised HTML MarkdownRenderer made of it. */
public record ChannelMessage(UUID id, UUID channelId, UUID authorId, String authorName, String source, String html,
    Instant createdAt, Optional<Instant> editedAt) {

  public ChannelMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
