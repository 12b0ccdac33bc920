package org.saypro.dcop.issuer.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** SQL of the email outbox. Enqueueing joins the caller's transaction; the worker's calls hold their own. */
@Singleton
public class EmailOutbox {

  private final JdbcOperations jdbc;

  EmailOutbox(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An email waiting to be sent: a finished text, or an award whose text (and claim link) is written when it is sent.
   * Exactly one of {@code body} and {@code award} is there.
   */
  record Pending(long id, String to, String subject, String body, AwardEmails.Award award, int attempts) {
    Pending {
      if ((body == null) == (award == null)) {
        throw new IllegalArgumentException("an email has a finished text or an award, not both or neither");
      }
    }
  }

  /**
   * Queues award emails in the caller's transaction, with one statement: the subject and what the text needs, not the
   * text itself, so that no claim link is stored (ADR 34).
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void enqueue(List<AwardEmails.Award> awards) {
    jdbc.prepareStatement(
        "insert into email_outbox (to_address, subject, credential_uuid, learner_name, organisation_name,"
            + " qualification_title) select * from unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],"
            + " ?::text[])", s -> {
          Connection connection = s.getConnection();
          s.setArray(1, texts(connection, awards.stream().map(AwardEmails.Award::email)));
          s.setArray(2, texts(connection, awards.stream().map(AwardEmails::subject)));
          s.setArray(3, connection.createArrayOf("uuid",
              awards.stream().map(AwardEmails.Award::credential).toArray(UUID[]::new)));
          s.setArray(4, texts(connection, awards.stream().map(award -> award.name().orElse(null))));
          s.setArray(5, texts(connection, awards.stream().map(AwardEmails.Award::organisation)));
          s.setArray(6, texts(connection, awards.stream().map(AwardEmails.Award::title)));
          return s.executeUpdate();
        });
  }

  /** Due emails, locked so that several instances never send the same one at once. */
  List<Pending> due(int limit) {
    return jdbc.prepareStatement(
        "select id, to_address, subject, body_text, attempts, credential_uuid, learner_name, organisation_name,"
            + " qualification_title from email_outbox where sent_at is null"
            + " and next_attempt_at <= now() order by id limit ? for update skip locked", s -> {
          s.setInt(1, limit);
          List<Pending> due = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              String body = r.getString(4);
              AwardEmails.Award award = body != null ? null : new AwardEmails.Award(r.getObject(6, UUID.class),
                  r.getString(2), Optional.ofNullable(r.getString(7)), r.getString(8), r.getString(9));
              due.add(new Pending(r.getLong(1), r.getString(2), r.getString(3), body, award, r.getInt(5)));
            }
          }
          return due;
        });
  }

  private static java.sql.Array texts(Connection connection, Stream<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray(String[]::new));
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
