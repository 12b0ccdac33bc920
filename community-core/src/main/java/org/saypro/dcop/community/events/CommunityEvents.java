package org.saypro.dcop.community.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;

/** Writes events into the outbox, in the transaction of the fact they record. */
@Singleton
public class CommunityEvents {

  private final JdbcOperations jdbc;
  private final List<EventSubscriber> subscribers;

  CommunityEvents(JdbcOperations jdbc, List<EventSubscriber> subscribers) {
    this.jdbc = jdbc;
    this.subscribers = List.copyOf(subscribers);
  }

  /** Records the event and its deliveries; the caller's transaction commits them with the fact, or neither. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public CommunityEvent record(String type, UUID user, Optional<String> group, Instant occurredAt, ObjectNode payload) {
    CommunityEvent unsaved = new CommunityEvent(0, type, user, group, occurredAt, payload);
    long id = jdbc.prepareStatement("insert into community_event (type, user_id, group_slug, occurred_at, payload)"
        + " values (?, ?, ?, ?, ?::jsonb) returning id", s -> {
          s.setString(1, type);
          s.setObject(2, user);
          s.setString(3, group.orElse(null));
          s.setTimestamp(4, Timestamp.from(occurredAt));
          s.setString(5, Json.writeString(payload));
          try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
    for (EventSubscriber subscriber : subscribers) {
      if (subscriber.wants(type)) {
        jdbc.prepareStatement("insert into community_event_delivery (event_id, subscriber) values (?, ?)", s -> {
          s.setLong(1, id);
          s.setString(2, subscriber.name());
          return s.executeUpdate();
        });
      }
    }
    return new CommunityEvent(id, unsaved.type(), user, group, occurredAt, unsaved.payload());
  }
}
