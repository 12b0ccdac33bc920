package org.saypro.dcop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs no benchmark and starts no database: checks the --status options, the random lists and the report. */
class StatusBenchmarksTest {

  @Test
  void statusModeOptions() {
    assertNull(BenchmarkMain.Settings.parse(new String[0]).status);
    assertEquals(StatusBenchmarks.PARTS, BenchmarkMain.Settings.parse(new String[] {"--status"}).status);
    assertEquals(List.of("sizes"), BenchmarkMain.Settings.parse(new String[] {"--status=sizes"}).status);
    assertEquals(200, BenchmarkMain.Settings.parse(new String[] {"--status"}).changes);
    assertEquals(50, BenchmarkMain.Settings.parse(new String[] {"--status", "--quick"}).changes);
    assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.Settings.parse(new String[] {"--status=nope"}));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.Settings.parse(new String[] {"--status", "--log"}));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.Settings.parse(new String[] {"--status", "--i=3"}));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.Settings.parse(new String[] {"--threads=0"}));
  }

  @Test
  void randomIndexesAreDistinctInRangeAndReproducible() {
    int[] indexes = StatusListBuilds.randomIndexes(13_107, 7);
    assertEquals(13_107, Arrays.stream(indexes).distinct().count());
    assertTrue(indexes[0] >= 0 && indexes[indexes.length - 1] < EmbeddedIssuer.LIST_SIZE);
    assertTrue(Arrays.equals(indexes, StatusListBuilds.randomIndexes(13_107, 7)));
    assertEquals(13_107, StatusListBuilds.bitsOf(indexes).countSet());
    assertEquals(0, StatusListBuilds.randomIndexes(0, 7).length);
  }

  @Test
  void changeReportTakesRatiosOfMedians() {
    long second = 1_000_000_000L;
    // 100 changes: full 100/s, 50/s, 100/s -> median 100; raw 1,000/s each; floor 2,000/s each
    List<StatusChanges.Round> single = List.of(
        new StatusChanges.Round(100, 1, second, second / 10, second / 20),
        new StatusChanges.Round(100, 1, 2 * second, second / 10, second / 20),
        new StatusChanges.Round(100, 1, second, second / 10, second / 20));
    List<StatusChanges.Round> parallel = List.of(
        new StatusChanges.Round(100, 4, second / 2, second / 20, second / 20),
        new StatusChanges.Round(100, 4, second / 2, second / 20, second / 20),
        new StatusChanges.Round(100, 4, second / 2, second / 20, second / 20));
    StringBuilder out = new StringBuilder();
    StatusChanges.Result result = new StatusChanges.Result(100, 4, single, parallel);
    StatusBenchmarks.changeSection(out, result);
    String report = out.toString();
    assertTrue(report.matches("(?s).*\\nfull: ChangeCredentialStatus.change \\(rebuild, sign twice\\)\\s+1\\s+100\\s+50\\s+100\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nfull / raw, 1 thread\\s+0\\.100 x\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nfull / raw, 4 threads\\s+0\\.100 x\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nfull, 4 threads / 1 thread\\s+2\\.00 x\\n.*"), report);
    assertTrue(report.contains("10.00 ms per change, of which 9.00 ms (90 %)"), report);
  }
}
