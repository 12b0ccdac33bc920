package org.saypro.dcop.community.webinars;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendanceReportTest {

  private static final ZoneId JOHANNESBURG = ZoneId.of("Africa/Johannesburg");

  private static AttendanceReport read(String csv) {
    return AttendanceReport.read(csv.getBytes(StandardCharsets.UTF_8), JOHANNESBURG);
  }

  @Test
  void zoomHeadersLocalTimesAndAByteOrderMarkAreRead() {
    AttendanceReport report = read("\uFEFFName (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
        + "Thandi,Thandi@Example.org,11/23/2026 09:00:00 AM,11/23/2026 09:45:30 AM,46\n");
    assertEquals(List.of(), report.errors());
    assertEquals("thandi@example.org", report.people().get(0).email());
    assertEquals(45, report.people().get(0).minutes());
  }

  @Test
  void intervalsOfOnePersonAreMergedThenAddedUp() {
    AttendanceReport report = read("email,join,leave\n"
        + "a@example.org,2026-11-23T08:00:00Z,2026-11-23T08:20:00Z\n"
        + "a@example.org,2026-11-23T08:10:00Z,2026-11-23T08:25:00Z\n"
        + "a@example.org,2026-11-23T09:00:00Z,2026-11-23T09:05:00Z\n");
    assertEquals(30, report.people().get(0).minutes());
    assertEquals(List.of(2L, 3L, 4L), report.people().get(0).lines());
  }

  @Test
  void badRowsAreReportedByLineAndColumnAndAMissingColumnByTheHeader() {
    AttendanceReport report = read("email,join,leave\n"
        + "nope,2026-11-23T08:00:00Z,2026-11-23T08:20:00Z\n"
        + "b@example.org,later,2026-11-23T08:20:00Z\n"
        + "b@example.org,2026-11-23T08:20:00Z,2026-11-23T08:00:00Z\n");
    assertEquals(List.of("2:email", "3:join", "4:leave"),
        report.errors().stream().map(e -> e.line() + ":" + e.column()).toList());
    assertEquals(List.of(), report.people());
    assertEquals("1:leave", read("email,join\n").errors().stream().map(e -> e.line() + ":" + e.column())
        .findFirst().orElseThrow());
  }
}
