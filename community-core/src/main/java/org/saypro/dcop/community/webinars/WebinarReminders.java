package org.saypro.dcop.community.webinars;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.saypro.dcop.accounts.privacy.ConsentPurpose;
import org.saypro.dcop.community.support.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds members with a seat, who consented to reminders (ADR 0027), of a session that starts within the lead time (a
 * day by default), once each. The reminder is a row in the service's email outbox (created by the issuer's V16 and sent
 * by its worker with retries); the row and the "reminded" mark commit together, claimed with skip locked so several
 * instances never remind twice. community-core writes the table by SQL rather than depending on the issuer module.
 */
@Singleton
public class WebinarReminders {

  private static final Logger LOG = LoggerFactory.getLogger(WebinarReminders.class);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm zzzz", Locale.ENGLISH);

  private record Due(UUID webinar, UUID user, String email, String name) {}

  private final JdbcOperations jdbc;
  private final WebinarStore webinars;
  private final Duration lead;
  private final String publicUrl;

  WebinarReminders(JdbcOperations jdbc, WebinarStore webinars,
      @Value("${dcop.community.reminder-lead:24h}") Duration lead, @Value("${dcop.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.webinars = webinars;
    this.lead = lead;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Scheduled(fixedDelay = "${dcop.community.reminder-interval:5m}",
      initialDelay = "${dcop.community.reminder-initial-delay:30s}")
  void tick() {
    try {
      remindDue();
    } catch (RuntimeException e) {
      LOG.warn("webinar reminders failed; they will be retried: {}", e.toString());
    }
  }

  /** Writes the reminders now due; returns how many. */
  @Transactional
  public int remindDue() {
    List<Due> due = Rows.list(jdbc, """
        select r.webinar_id, r.user_id, u.email, u.display_name
        from webinar_registration r join webinar w on w.id = r.webinar_id join app_user u on u.id = r.user_id
        where r.status = 'registered' and r.reminded_at is null and not u.disabled
          and\s""" + ConsentPurpose.WEBINAR_REMINDERS.currentIn("r.user_id") + """
          and w.starts_at > now() and w.starts_at <= now() + make_interval(secs => ?)
        order by w.starts_at limit 200 for update of r skip locked""", s -> s.setLong(1, lead.toSeconds()),
        r -> new Due(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3), r.getString(4)));
    for (Due d : due) {
      Webinar session = webinars.byId(d.webinar()).orElseThrow();
      Rows.update(jdbc, "insert into email_outbox (to_address, subject, body_text) values (?, ?, ?)", s -> {
        s.setString(1, d.email());
        s.setString(2, "Reminder: " + session.title());
        s.setString(3, body(d.name(), session));
      });
      Rows.update(jdbc, "update webinar_registration set reminded_at = now() where webinar_id = ? and user_id = ?",
          s -> {
            s.setObject(1, d.webinar());
            s.setObject(2, d.user());
          });
    }
    return due.size();
  }

  private String body(String name, Webinar w) {
    ZoneId zone = w.zone();
    return "Hello " + name + ",\n\nyou have a seat at the " + w.kind() + " \"" + w.title() + "\", which starts on "
        + WHEN.format(w.startsAt().atZone(zone)) + ".\n"
        + w.joinUrl().map(u -> "\nJoin here: " + u + "\n").orElse("")
        + "\nIf you cannot come, please cancel your registration so that someone on the waiting list gets the seat.\n"
        + "\nTo stop reminders, untick them on " + publicUrl + "/my/privacy.\n";
  }
}
