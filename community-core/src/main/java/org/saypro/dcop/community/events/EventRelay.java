package org.saypro.dcop.community.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.saypro.dcop.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: one due delivery at a time, claimed with {@code for update skip locked} and handed to its
 * subscriber in the same transaction, so the subscriber's writes and the "delivered" mark commit together. A
 * failure is rolled back to a savepoint, recorded, and retried later, waiting twice as long each time (up to an hour).
 * Several instances on one database share the work; a broker could replace this class without touching the
 * subscribers (docs/architecture.md).
 */
@Singleton
public class EventRelay {

  private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);
  private static final Duration MAX_WAIT = Duration.ofHours(1);
  private static final int MAX_ROUND = 500;

  private final JdbcOperations jdbc;
  private final TransactionOperations<Connection> transactions;
  private final Map<String, EventSubscriber> subscribers;

  EventRelay(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
      java.util.List<EventSubscriber> subscribers) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.subscribers = subscribers.stream().collect(Collectors.toMap(EventSubscriber::name, Function.identity()));
  }

  @Scheduled(fixedDelay = "${dcop.community.relay-interval:1s}",
      initialDelay = "${dcop.community.relay-initial-delay:1s}")
  void tick() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("community event delivery round failed; it will be retried: {}", e.toString());
    }
  }

  /** Delivers what is due now, up to a round's worth; returns how many were delivered. */
  public int deliverDue() {
    int delivered = 0;
    for (int i = 0; i < MAX_ROUND; i++) {
      Optional<Boolean> outcome = deliverOne();
      if (outcome.isEmpty()) {
        break;
      }
      delivered += outcome.get() ? 1 : 0;
    }
    return delivered;
  }

  /** Empty when nothing is due; else whether the claimed delivery succeeded. */
  private Optional<Boolean> deliverOne() {
    return transactions.executeWrite(status -> {
      Optional<Claimed> claimed = jdbc.prepareStatement("""
          select d.event_id, d.subscriber, d.attempts, e.type, e.user_id, e.group_slug, e.occurred_at, e.payload::text
          from community_event_delivery d join community_event e on e.id = d.event_id
          where d.delivered_at is null and d.next_attempt_at <= now()
          order by d.event_id limit 1 for update of d skip locked""", s -> {
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.<Claimed>empty();
              }
              CommunityEvent event = new CommunityEvent(r.getLong(1), r.getString(4), r.getObject(5, UUID.class),
                  Optional.ofNullable(r.getString(6)), r.getTimestamp(7).toInstant(),
                  (ObjectNode) Json.parse(r.getString(8)));
              return Optional.of(new Claimed(r.getString(2), r.getInt(3), event));
            }
          });
      if (claimed.isEmpty()) {
        return Optional.<Boolean>empty();
      }
      Claimed c = claimed.get();
      EventSubscriber subscriber = subscribers.get(c.subscriber());
      if (subscriber == null) {
        failed(c, "no subscriber is called " + c.subscriber() + " in this instance");
        return Optional.of(false);
      }
      try {
        // a savepoint: a failing subscriber's writes are undone, the claim and its bookkeeping are not
        transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.NESTED), inner -> {
          subscriber.deliver(c.event());
          return null;
        });
      } catch (RuntimeException e) {
        failed(c, e.toString());
        return Optional.of(false);
      }
      jdbc.prepareStatement("update community_event_delivery set delivered_at = now(), attempts = attempts + 1"
          + " where event_id = ? and subscriber = ?", s -> {
            s.setLong(1, c.event().id());
            s.setString(2, c.subscriber());
            return s.executeUpdate();
          });
      return Optional.of(true);
    });
  }

  private record Claimed(String subscriber, int attempts, CommunityEvent event) {}

  private void failed(Claimed c, String reason) {
    long waitSeconds = Math.min(MAX_WAIT.toSeconds(), 1L << Math.min(20, c.attempts()));
    LOG.warn("delivering community event {} to {} failed (attempt {}), next try in {} s: {}", c.event().id(),
        c.subscriber(), c.attempts() + 1, waitSeconds, reason);
    jdbc.prepareStatement("update community_event_delivery set attempts = attempts + 1, last_error = ?,"
        + " next_attempt_at = now() + make_interval(secs => ?) where event_id = ? and subscriber = ?", s -> {
          s.setString(1, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
          s.setLong(2, waitSeconds);
          s.setLong(3, c.event().id());
          s.setString(4, c.subscriber());
          return s.executeUpdate();
        });
  }
}
