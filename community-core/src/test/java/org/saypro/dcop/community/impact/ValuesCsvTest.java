package org.saypro.dcop.community.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesCsvTest {

  @Test
  void cellsASpreadsheetWouldRunAreQuotedAndNumbersStayNumbers() {
    String csv = ValuesCsv.write(List.of(new DataValues.Current("LEARNERS", Period.of("2026Q1"), "c1", "total",
        new BigDecimal("-3.5"), 2, "manual", "=HYPERLINK(\"http://x\")", Instant.parse("2026-04-01T10:00:00Z")),
        new DataValues.Current("PASS", Period.of("2026"), "c2", "college_lecturer", new BigDecimal("70"), 1, "import",
            "@Thandi", Instant.parse("2026-04-02T10:00:00Z"))));
    assertEquals("indicator,period,org_unit,category,value,version,source,entered_by,entered_at\r\n"
        + "LEARNERS,2026Q1,c1,total,-3.5,2,manual,\"'=HYPERLINK(\"\"http://x\"\")\",2026-04-01T10:00:00Z\r\n"
        + "PASS,2026,c2,college_lecturer,70,1,import,'@Thandi,2026-04-02T10:00:00Z\r\n", csv);
    assertEquals("'+1", ValuesCsv.safe("+1"));
    assertEquals("'-1", ValuesCsv.safe("-1"));
    assertEquals("plain", ValuesCsv.safe("plain"));
  }
}
