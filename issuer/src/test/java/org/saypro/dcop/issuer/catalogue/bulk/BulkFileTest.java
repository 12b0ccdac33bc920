package org.saypro.dcop.issuer.catalogue.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.openbadges.Recipient;

/** Bulk files from {@code src/test/resources/bulk}: good ones read whole, bad ones report every row by line. */
class BulkFileTest {

  @Test
  void aSpreadsheetExportWithBomCrlfQuotesAndBlankLinesReads() throws IOException {
    BulkFile file = BulkFile.read(resource("mixed-columns-bom-crlf.good.csv"));
    assertFalse(file.hasErrors(), file.errors().toString());
    assertEquals(3, file.rows().size());
    BulkRow sipho = file.rows().get(1);
    assertEquals(3, sipho.line());
    assertEquals("Dlamini, Sipho", sipho.recipient().name().orElseThrow());
    assertEquals(Instant.parse("2026-11-23T00:00:00Z"), file.rows().get(0).validFrom().orElseThrow());
    assertEquals(5, file.rows().get(2).line(), "the blank line still counts");
    assertTrue(file.rows().get(2).recipient().name().isEmpty());
  }

  @Test
  void didsAndEmailsMix() throws IOException {
    BulkFile file = BulkFile.read(resource("did-and-email.good.csv"));
    assertFalse(file.hasErrors(), file.errors().toString());
    assertTrue(file.rows().get(0).recipient() instanceof Recipient.ByDid);
    assertTrue(file.rows().get(1).recipient() instanceof Recipient.ByEmail);
  }

  @Test
  void everyBadRowIsReportedByLineAndColumn() throws IOException {
    BulkFile file = BulkFile.read(resource("every-row-problem.bad.csv"));
    assertEquals(8, file.dataRows());
    assertEquals(1, file.rows().size(), "only line 7 is good");
    assertEquals(7, file.rows().get(0).line());
    List<String> reported = file.errors().stream().map(e -> e.line() + ":" + e.column()).toList();
    assertEquals(List.of("2:email", "3:email", "4:did", "5:valid_from", "6:", "8:", "9:did"), reported);
    assertTrue(file.errors().get(5).reason().contains("line 7"), file.errors().get(5).toString());
  }

  @Test
  void fileLevelProblemsNameTheHeader() throws IOException {
    assertEquals("surname", BulkFile.read(resource("unknown-column.bad.csv")).errors().get(0).column());
    assertTrue(BulkFile.read(resource("header-only.bad.csv")).errors().get(0).reason().contains("no rows"));
    assertTrue(BulkFile.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}).errors().get(0).reason().contains("UTF-8"));
    assertTrue(BulkFile.read("email\n\"unterminated@example.org\n".getBytes(StandardCharsets.UTF_8)).hasErrors());
    assertTrue(BulkFile.read(new byte[0]).hasErrors());
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BulkFileTest.class.getResourceAsStream("/bulk/" + name)) {
      return in.readAllBytes();
    }
  }
}
