package org.saypro.dcop.community.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One community fact about one member.
 *
 * @param occurredAt when the fact happened (a webinar's start, an output's date), which rules' time windows use;
 *     not when it was recorded
 * @param groupSlug the working group the fact belongs to, if any
 * @param payload what the type carries (a webinar's id and title, an output's indicator, value and unit, ...)
 */
public record CommunityEvent(
    long id, String type, UUID userId, Optional<String> groupSlug, Instant occurredAt, ObjectNode payload) {

  public CommunityEvent {
    if (!EventTypes.ALL.contains(type)) {
      throw new IllegalArgumentException("unknown event type " + type);
    }
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(groupSlug, "groupSlug");
    Objects.requireNonNull(occurredAt, "occurredAt");
    payload = payload.deepCopy();
  }

  @Override
  public ObjectNode payload() {
    return payload.deepCopy();
  }
}
