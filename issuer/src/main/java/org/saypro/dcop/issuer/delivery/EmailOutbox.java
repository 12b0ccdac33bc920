package org.saypro.dcop.issuer.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL of the email outbox. Enqueueing joins the caller's transaction; the worker's calls hold their own. */
@Singleton
public class EmailOutbox {

  private final JdbcOperations jdbc;

  EmailOutbox(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** An email waiting to be sent. */
  record Pending(long id, String to, String subject, String body, int attempts) {}

  /** An email to queue, about a credential. */
  public record Email(String to, String subject, String body, UUID credential) {}

  /** Queues the emails in the caller's transaction, with one statement. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void enqueue(List<Email> emails) {
    jdbc.prepareStatement(
        "insert into email_outbox (to_address, subject, body_text, credential_uuid)"
            + " select * from unnest(?::text[], ?::text[], ?::text[], ?::uuid[])", s -> {
          Connection connection = s.getConnection();
          s.setArray(1, connection.createArrayOf("text", emails.stream().map(Email::to).toArray(String[]::new)));
          s.setArray(2, connection.createArrayOf("text", emails.stream().map(Email::subject).toArray(String[]::new)));
          s.setArray(3, connection.createArrayOf("text", emails.stream().map(Email::body).toArray(String[]::new)));
          s.setArray(4, connection.createArrayOf("uuid", emails.stream().map(Email::credential).toArray(UUID[]::new)));
          return s.executeUpdate();
        });
  }

  /** Due emails, locked so that several instances never send the same one at once. */
  List<Pending> due(int limit) {
    return jdbc.prepareStatement(
        "select id, to_address, subject, body_text, attempts from email_outbox where sent_at is null"
            + " and next_attempt_at <= now() order by id limit ? for update skip locked", s -> {
          s.setInt(1, limit);
          List<Pending> due = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              due.add(new Pending(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5)));
            }
          }
          return due;
        });
  }

  void markSent(long id) {
    jdbc.prepareStatement("update email_outbox set sent_at = now(), last_error = null where id = ?", s -> {
      s.setLong(1, id);
      return s.executeUpdate();
    });
  }

  void markFailed(long id, String error, Instant nextAttempt) {
    jdbc.prepareStatement(
        "update email_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?", s -> {
          s.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
          s.setTimestamp(2, Timestamp.from(nextAttempt));
          s.setLong(3, id);
          return s.executeUpdate();
        });
  }

  long waiting() {
    return jdbc.prepareStatement("select count(*) from email_outbox where sent_at is null", s -> {
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    });
  }
}
