package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.CommunityEvents;
import org.saypro.dcop.community.events.EventRelay;
import org.saypro.dcop.community.events.EventSubscriber;
import org.saypro.dcop.core.json.Json;

/**
 * Community facts for tests, recorded the way the community modules record them (CommunityEvents.record in a
 * transaction), and members to record them for.
 */
final class CommunityFixtures {

  private final TestServer server;

  CommunityFixtures(TestServer server) {
    this.server = server;
  }

  TransactionOperations<Connection> transactions() {
    return server.context().getBean(Argument.of(TransactionOperations.class, Connection.class));
  }

  CommunityEvent record(String type, UUID user, Optional<String> group, Instant occurredAt, ObjectNode payload) {
    CommunityEvents events = server.context().getBean(CommunityEvents.class);
    return transactions().executeWrite(status -> events.record(type, user, group, occurredAt, payload));
  }

  CommunityEvent webinar(UUID user, String group, String title, Instant start) {
    return record("webinar.attended", user, Optional.of(group), start,
        Json.newObject().put("webinarId", UUID.randomUUID().toString()).put("title", title).put("minutes", 60));
  }

  /** Delivers every due delivery now, instead of waiting for the relay's tick. */
  int deliver() {
    return server.context().getBean(EventRelay.class).deliverDue();
  }

  EventSubscriber subscriber(String name) {
    return server.context().getBeansOfType(EventSubscriber.class).stream()
        .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** A new member (role member) of the organisation; their id. */
  UUID member(String name, String organisation) {
    HttpResponse<String> created = server.postJson("/users", "{\"email\": \"" + name + "@example.org\","
        + " \"displayName\": \"" + name + "\", \"password\": \"a long enough password\", \"organisation\": \""
        + organisation + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    return UUID.fromString(TestServer.json(created).get("id").asText());
  }
}
