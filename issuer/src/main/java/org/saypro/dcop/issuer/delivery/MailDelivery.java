package org.saypro.dcop.issuer.delivery;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox over SMTP, at least once: each email is sent and marked in one transaction holding its row lock
 * ({@code skip locked}, so instances share the work), and a failure waits longer each time (up to six hours).
 */
@Singleton
class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
  private static final int BATCH = 20;

  private final EmailOutbox outbox;
  private final AwardEmails awards;
  private final MailSettings settings;
  private final TransactionOperations<Connection> transactions;
  private final Session session;

  MailDelivery(EmailOutbox outbox, AwardEmails awards, MailSettings settings,
      TransactionOperations<Connection> transactions) {
    this.outbox = outbox;
    this.awards = awards;
    this.settings = settings;
    this.transactions = transactions;
    this.session = settings.host().map(host -> Session.getInstance(properties(host, settings))).orElse(null);
    if (session == null) {
      LOG.warn("email delivery is OFF: no DCOP_SMTP_HOST; learners' emails wait in the outbox until one is set");
    } else {
      LOG.info("email delivery via {}:{} from {}", settings.smtpHost(), settings.smtpPort(), settings.from());
    }
  }

  @Scheduled(fixedDelay = "${dcop.mail.interval:5s}", initialDelay = "1s")
  void tick() {
    if (session == null) {
      return;
    }
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("email delivery round failed; it will be retried: {}", e.toString());
    }
  }

  /** Sends what is due now; returns how many were sent. */
  int deliverDue() {
    return transactions.executeWrite(status -> {
      List<EmailOutbox.Pending> due = outbox.due(BATCH);
      int sent = 0;
      for (EmailOutbox.Pending email : due) {
        try {
          send(email);
        } catch (MessagingException | RuntimeException e) {
          // one email that cannot be written out or sent waits alone: were it to roll the batch back, the emails
          // already handed to the SMTP server in this round would go out again at every round
          Duration wait = Duration.ofMinutes(1L << Math.min(email.attempts(), 9)).compareTo(Duration.ofHours(6)) > 0
              ? Duration.ofHours(6) : Duration.ofMinutes(1L << Math.min(email.attempts(), 9));
          outbox.markFailed(email.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), Instant.now().plus(wait));
          LOG.warn("could not send email {} (attempt {}): {}", email.id(), email.attempts() + 1, e.getMessage());
          continue;
        }
        outbox.markSent(email.id());
        sent++;
      }
      return sent;
    });
  }

  private void send(EmailOutbox.Pending email) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
    message.setSubject(email.subject(), "UTF-8");
    message.setText(email.body() != null ? email.body() : awards.body(email.award()), "UTF-8");
    if (settings.username() != null && !settings.username().isBlank()) {
      Transport.send(message, settings.username(), settings.password());
    } else {
      Transport.send(message);
    }
  }

  private static Properties properties(String host, MailSettings settings) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
    properties.put("mail.smtp.auth", Boolean.toString(settings.username() != null && !settings.username().isBlank()));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
    return properties;
  }
}
