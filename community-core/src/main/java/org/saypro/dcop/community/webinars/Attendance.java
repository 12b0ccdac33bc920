package org.saypro.dcop.community.webinars;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.community.events.CommunityEvents;
import org.saypro.dcop.community.events.EventTypes;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.core.json.Json;

/**
 * Attendance: a person attends a webinar at most once (the table's primary key), and only the write that creates the
 * row records the webinar.attended event, in the same transaction. Check-in and report import share that rule, so
 * importing a report twice, or after a check-in, attends nobody twice.
 */
@Singleton
public class Attendance {

  public static final int MAX_MINIMUM_MINUTES = 24 * 60;

  /** One attendee as the coordinator's list shows them. */
  public record Attendee(UUID userId, String displayName, Integer minutes, String source) {}

  private final JdbcOperations jdbc;
  private final CommunityEvents events;
  private final UserStore users;

  Attendance(JdbcOperations jdbc, CommunityEvents events, UserStore users) {
    this.jdbc = jdbc;
    this.events = events;
    this.users = users;
  }

  /**
   * Marks a registered member present; their minutes are the scheduled length. False if they had attended already.
   */
  @Transactional
  public boolean checkIn(Webinar webinar, UUID user, UUID recordedBy) {
    return attend(webinar, user, webinar.scheduledMinutes(), "check-in", recordedBy);
  }

  /** Imports a report: everyone known with at least the minimum minutes attends, in one transaction. */
  @Transactional
  public ImportOutcome importReport(Webinar webinar, AttendanceReport report, int minimumMinutes, UUID recordedBy) {
    List<AttendanceReport.Person> attended = new ArrayList<>();
    List<AttendanceReport.Person> already = new ArrayList<>();
    List<AttendanceReport.Person> below = new ArrayList<>();
    List<AttendanceReport.RowError> errors = new ArrayList<>(report.errors());
    for (AttendanceReport.Person person : report.people()) {
      Optional<UUID> user = users.byEmail(person.email()).map(u -> u.user().id());
      if (user.isEmpty()) {
        person.lines().forEach(line -> errors.add(new AttendanceReport.RowError(line, report.emailColumn(),
            "no member has the email " + person.email())));
      } else if (person.minutes() < minimumMinutes) {
        below.add(person);
      } else if (attend(webinar, user.get(), person.minutes(), "report", recordedBy)) {
        attended.add(person);
      } else {
        already.add(person);
      }
    }
    errors.sort(Comparator.comparingLong(AttendanceReport.RowError::line));
    return new ImportOutcome(report.dataRows(), minimumMinutes, attended, already, below, errors);
  }

  @Transactional(readOnly = true)
  public List<Attendee> list(UUID webinarId) {
    return Rows.list(jdbc, "select u.id, u.display_name, a.minutes, a.source from webinar_attendance a"
        + " join app_user u on u.id = a.user_id where a.webinar_id = ? order by lower(u.display_name), u.id",
        s -> s.setObject(1, webinarId),
        r -> new Attendee(r.getObject(1, UUID.class), r.getString(2), (Integer) r.getObject(3), r.getString(4)));
  }

  @Transactional(readOnly = true)
  public int count(UUID webinarId) {
    return Rows.one(jdbc, "select count(*) from webinar_attendance where webinar_id = ?",
        s -> s.setObject(1, webinarId), r -> r.getInt(1)).orElse(0);
  }

  private boolean attend(Webinar webinar, UUID user, int minutes, String source, UUID recordedBy) {
    int inserted = Rows.update(jdbc, "insert into webinar_attendance (webinar_id, user_id, minutes, source,"
        + " recorded_by) values (?, ?, ?, ?, ?) on conflict do nothing", s -> {
          s.setObject(1, webinar.id());
          s.setObject(2, user);
          s.setInt(3, minutes);
          s.setString(4, source);
          s.setObject(5, recordedBy);
        });
    if (inserted == 0) {
      return false;
    }
    events.record(EventTypes.WEBINAR_ATTENDED, user, Optional.of(webinar.groupSlug()), webinar.startsAt(),
        Json.newObject().put("webinarId", webinar.id().toString()).put("title", webinar.title())
            .put("minutes", minutes));
    return true;
  }
}
