package org.saypro.dcop.community.webinars;

import java.util.List;
import java.util.Objects;

/**
 * What importing an attendance report did, person by person, beside the rows that could not be read.
 *
 * @param attended emails attended now (each with one webinar.attended event)
 * @param alreadyAttended emails attended before (by check-in or an earlier import): nothing new was written
 * @param belowThreshold people whose time was shorter than the threshold
 * @param unknown rows naming an email no user has: reported, not fatal
 */
public record ImportOutcome(int dataRows, int minimumMinutes, List<AttendanceReport.Person> attended,
    List<AttendanceReport.Person> alreadyAttended, List<AttendanceReport.Person> belowThreshold,
    List<AttendanceReport.RowError> errors) {
  public ImportOutcome {
    attended = List.copyOf(attended);
    alreadyAttended = List.copyOf(alreadyAttended);
    belowThreshold = List.copyOf(belowThreshold);
    errors = List.copyOf(Objects.requireNonNull(errors));
  }
}
