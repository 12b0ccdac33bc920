package org.saypro.dcop.community.webinars;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Seats and the waiting list. Both operations lock the webinar row first, so two people asking for the last seat at
 * once are served one after the other: one gets it, the other waits. Cancelling a seat gives it to the first in the
 * waiting list, in the same transaction.
 */
@Singleton
public class Registrations {

  /** A registration as a coordinator sees it. */
  public record Entry(UUID userId, String displayName, String email, String status, Instant registeredAt) {}

  private final JdbcOperations jdbc;
  private final WebinarStore webinars;

  Registrations(JdbcOperations jdbc, WebinarStore webinars) {
    this.jdbc = jdbc;
    this.webinars = webinars;
  }

  @Transactional
  public RegistrationOutcome register(UUID webinarId, UUID user) {
    Webinar webinar = webinars.lock(webinarId).orElseThrow(() -> notFound(webinarId));
    Optional<String> existing = status(webinarId, user);
    if (existing.isPresent()) {
      return existing.get().equals("registered")
          ? new RegistrationOutcome.Registered(true) : new RegistrationOutcome.Waiting(place(webinarId, user), true);
    }
    if (!webinar.endsAt().isAfter(Instant.now())) {
      return new RegistrationOutcome.Ended();
    }
    boolean seat = count(webinarId, "registered") < webinar.capacity();
    Rows.update(jdbc, "insert into webinar_registration (webinar_id, user_id, status) values (?, ?, ?)", s -> {
      s.setObject(1, webinarId);
      s.setObject(2, user);
      s.setString(3, seat ? "registered" : "waiting");
    });
    return seat ? new RegistrationOutcome.Registered(false)
        : new RegistrationOutcome.Waiting(place(webinarId, user), false);
  }

  /**
   * Cancels the user's seat or waiting place; returns who was promoted to the freed seat, if anyone. Empty also when
   * the user held nothing (cancelling twice is harmless).
   */
  @Transactional
  public Optional<UUID> cancel(UUID webinarId, UUID user) {
    Webinar webinar = webinars.lock(webinarId).orElseThrow(() -> notFound(webinarId));
    Optional<String> was = status(webinarId, user);
    if (was.isEmpty()) {
      return Optional.empty();
    }
    Rows.update(jdbc, "delete from webinar_registration where webinar_id = ? and user_id = ?", s -> {
      s.setObject(1, webinarId);
      s.setObject(2, user);
    });
    if (was.get().equals("waiting") || count(webinarId, "registered") >= webinar.capacity()) {
      return Optional.empty();
    }
    Optional<UUID> first = Rows.one(jdbc, "select user_id from webinar_registration where webinar_id = ?"
        + " and status = 'waiting' order by seq limit 1", s -> s.setObject(1, webinarId), r -> r.getObject(1,
        UUID.class));
    first.ifPresent(promoted -> Rows.update(jdbc, "update webinar_registration set status = 'registered'"
        + " where webinar_id = ? and user_id = ?", s -> {
          s.setObject(1, webinarId);
          s.setObject(2, promoted);
        }));
    return first;
  }

  @Transactional(readOnly = true)
  public Optional<String> status(UUID webinarId, UUID user) {
    return Rows.one(jdbc, "select status from webinar_registration where webinar_id = ? and user_id = ?", s -> {
      s.setObject(1, webinarId);
      s.setObject(2, user);
    }, r -> r.getString(1));
  }

  @Transactional(readOnly = true)
  public int count(UUID webinarId, String status) {
    return Rows.one(jdbc, "select count(*) from webinar_registration where webinar_id = ? and status = ?", s -> {
      s.setObject(1, webinarId);
      s.setString(2, status);
    }, r -> r.getInt(1)).orElse(0);
  }

  /** Registered first, then the waiting list in its order. */
  @Transactional(readOnly = true)
  public List<Entry> list(UUID webinarId) {
    return Rows.list(jdbc, "select u.id, u.display_name, u.email, r.status, r.registered_at from webinar_registration r"
        + " join app_user u on u.id = r.user_id where r.webinar_id = ? order by r.status, r.seq",
        s -> s.setObject(1, webinarId), r -> new Entry(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
            r.getString(4), r.getTimestamp(5).toInstant()));
  }

  private int place(UUID webinarId, UUID user) {
    return Rows.one(jdbc, "select count(*) from webinar_registration w where w.webinar_id = ? and w.status = 'waiting'"
        + " and w.seq <= (select seq from webinar_registration where webinar_id = ? and user_id = ?)", s -> {
          s.setObject(1, webinarId);
          s.setObject(2, webinarId);
          s.setObject(3, user);
        }, r -> r.getInt(1)).orElse(0);
  }

  static ProblemException notFound(UUID id) {
    return new ProblemException(ProblemType.NOT_FOUND, "no webinar has the id " + id);
  }
}
