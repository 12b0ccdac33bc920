package org.saypro.dcop.community.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @ParameterizedTest
  @CsvSource({"2026, 2026-01-01, 2026-12-31", "2026Q1, 2026-01-01, 2026-03-31", "2026Q4, 2026-10-01, 2026-12-31",
      "202602, 2026-02-01, 2026-02-28", "202402, 2024-02-01, 2024-02-29", "202612, 2026-12-01, 2026-12-31"})
  void dhis2PeriodIdsHaveTheirDates(String id, String start, String end) {
    Period period = Period.of(id);
    assertEquals(LocalDate.parse(start), period.start());
    assertEquals(LocalDate.parse(end), period.end());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "26", "2026Q0", "2026Q5", "202613", "202600", "2026-01", "2026q1", "1899", "2026W01",
      " 2026", "20261"})
  void otherTextIsNotAPeriod(String text) {
    assertTrue(Period.parse(text).isEmpty(), text);
  }

  @Test
  void datesMustMatchTheId() {
    assertThrows(IllegalArgumentException.class, () -> new Period("2026Q1", LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 6, 30)));
  }

  @Test
  void aPeriodLocksTheConfiguredDaysAfterItEnds() {
    PeriodLock lock = new PeriodLock(30);
    Period q1 = Period.of("2026Q1");
    assertFalse(lock.locked(q1, LocalDate.of(2026, 4, 30)), "day 30 after the end is still open");
    assertTrue(lock.locked(q1, LocalDate.of(2026, 5, 1)));
    assertEquals(Period.of("2026Q3"), Period.quarterOf(LocalDate.of(2026, 9, 30)));
  }
}
