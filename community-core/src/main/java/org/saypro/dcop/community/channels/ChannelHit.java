package org.saypro.dcop.community.channels;

import java.util.Objects;
import java.util.UUID;

/** A message that matches a channel search, in a channel the searcher is a member of. */
public record ChannelHit(UUID messageId, UUID channelId, String channelName, String excerpt, float rank) {

  public ChannelHit {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(channelName, "channelName");
    Objects.requireNonNull(excerpt, "excerpt");
  }
}
