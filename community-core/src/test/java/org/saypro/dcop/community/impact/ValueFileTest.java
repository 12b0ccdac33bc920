package org.saypro.dcop.community.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading value files: test vectors under vectors/impact, good-* readable, bad-* reported by line and column. */
class ValueFileTest {

  @Test
  void goodRowsAreRead() throws IOException {
    ValueFile file = ValueFile.read(vector("good-values.csv"));
    assertEquals(List.of(), file.errors());
    assertEquals(4, file.dataRows());
    assertEquals(new ValueKey("LEARNERS", Period.of("2026Q1"), "c2", ValueKey.TOTAL), file.rows().get(1).key(),
        "an empty category is the total");
    assertEquals(0, new BigDecimal("5.5").compareTo(file.rows().get(1).value()));
    assertEquals("college_lecturer", file.rows().get(2).key().category());
    assertEquals(0, new BigDecimal("1000").compareTo(file.rows().get(3).value()));
    assertEquals(5, file.rows().get(3).line());
  }

  @Test
  void aByteOrderMarkAndHeaderCaseDoNotMatter() throws IOException {
    ValueFile file = ValueFile.read(vector("good-bom-header-case.csv"));
    assertEquals(List.of(), file.errors());
    assertEquals(1, file.rows().size());
  }

  @Test
  void badRowsAreReportedByLineAndColumn() throws IOException {
    ValueFile file = ValueFile.read(vector("bad-rows.csv"));
    assertEquals(List.of(), file.rows());
    assertEquals(List.of("2 period", "3 indicator", "4 org_unit", "5 category", "6 value", "7 value"),
        file.errors().stream().map(e -> e.line() + " " + e.column()).toList());
  }

  @Test
  void aFileWithoutTheColumnsOrNotInUtf8IsReportedOnLineOne() throws IOException {
    ValueFile header = ValueFile.read(vector("bad-header.csv"));
    assertEquals(List.of("1 period", "1 org_unit"), header.errors().stream().map(e -> e.line() + " " + e.column())
        .toList());
    ValueFile binary = ValueFile.read(vector("bad-not-utf8.csv"));
    assertTrue(binary.errors().get(0).reason().contains("not UTF-8"), binary.errors().toString());
  }

  private static byte[] vector(String name) throws IOException {
    try (InputStream in = ValueFileTest.class.getResourceAsStream("/vectors/impact/" + name)) {
      return in.readAllBytes();
    }
  }
}
