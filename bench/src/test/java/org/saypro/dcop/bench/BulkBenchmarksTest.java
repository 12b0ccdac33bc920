package org.saypro.dcop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.issuer.catalogue.bulk.BulkFile;

/** Runs no benchmark and starts no database: checks the --bulk options, the generated file, raw signing and the report. */
class BulkBenchmarksTest {

  @Test
  void bulkModeOptions() {
    assertFalse(BenchmarkMain.Settings.parse(new String[0]).bulk);
    BenchmarkMain.Settings bulk = BenchmarkMain.Settings.parse(new String[] {"--bulk"});
    assertTrue(bulk.bulk);
    assertEquals(List.of(10_000, 100_000), bulk.bulkRows);
    assertEquals(150_000, bulk.bulkWarmup, "more than one status list of the default size");
    assertEquals(List.of(10_000, 30_000),
        BenchmarkMain.Settings.parse(new String[] {"--bulk", "--bulkRows=10000, 30000"}).bulkRows);
    assertThrows(IllegalArgumentException.class,
        () -> BenchmarkMain.Settings.parse(new String[] {"--bulk", "--bulkRows=100001"}));
    assertEquals(EmbeddedIssuer.LIST_SIZE, bulk.bulkListSize);
    assertEquals(3, bulk.bulkRepeats);
    assertEquals(1, BenchmarkMain.Settings.parse(new String[] {"--bulk", "--bulkRepeats=1"}).bulkRepeats);
    assertThrows(IllegalArgumentException.class,
        () -> BenchmarkMain.Settings.parse(new String[] {"--bulk", "--bulkRepeats=0"}));
    assertEquals(1_048_576, BenchmarkMain.Settings.parse(new String[] {"--bulk", "--bulkListSize=1048576"}).bulkListSize);
    assertThrows(IllegalArgumentException.class,
        () -> BenchmarkMain.Settings.parse(new String[] {"--bulk", "--bulkListSize=1000"}));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.Settings.parse(new String[] {"--bulk", "--log"}));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.Settings.parse(new String[] {"--bulk", "--i=3"}));
  }

  @Test
  void generatedFileReadsAsDistinctLearners() {
    BulkFile file = BulkFile.read(BulkBenchmarks.csv("t", 1_000));
    assertFalse(file.hasErrors(), file.errors().toString());
    assertEquals(1_000, file.rows().size());
    assertEquals(1_000, file.rows().stream().map(r -> r.recipient()).distinct().count());
  }

  @Test
  void rawSigningSignsWithTheKey() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, "did:web:localhost%3A8080");
    assertTrue(BulkBenchmarks.rawSignaturesPerSecond(key, 2_000, 0.1) > 10);
  }

  @Test
  void reportTakesTheRatioOfTheMedianRunAgainstTheHigherRawRate() {
    long second = 1_000_000_000L;
    String note = "100,000 rows would take about 600 s";
    BulkBenchmarks.Size slow = new BulkBenchmarks.Size(100_000, 30_000, note, second / 10, 15 * second - second / 10,
        45, 12, 3.7);
    BulkBenchmarks.Size median = new BulkBenchmarks.Size(100_000, 30_000, note, second / 10, 10 * second - second / 10,
        40, 10, 3.5);
    BulkBenchmarks.Size fast = new BulkBenchmarks.Size(100_000, 30_000, note, second / 10, 6 * second - second / 10,
        38, 9, 3.2);
    BulkBenchmarks.Result result = new BulkBenchmarks.Result(
        2, 2_000, List.of(new BulkBenchmarks.Repeated(List.of(slow, fast, median))),
        new BulkBenchmarks.Raw(2_100, 6_000, 4_000));
    String report = BulkBenchmarks.report(BenchmarkMain.Settings.parse(new String[] {"--bulk"}), "now", "pg", result);
    // the median run: 30,000 rows in 10 s = 3,000/s against the higher of 6,000/s and 4,000/s; every run's ratio after
    assertTrue(report.matches("(?s).*\\n30,000\\s+10\\.0\\s+100\\.0\\s+3000\\.0\\s+0\\.500 x\\s+1\\.33\\s+0\\.33\\s+3\\.50"
        + "\\s+0\\.333 0\\.833 0\\.500\\n.*"), report);
    assertTrue(report.contains("(asked for 100,000: 100,000 rows would take about 600 s)"), report);
    assertTrue(report.matches("(?s).*\\n30,000 rows, 2 threads, 3 run\\(s\\)\\s+0\\.500 x >= 0\\.5 x\\s+PASS\\n.*"), report);
    assertTrue(report.contains("baseline the higher, 6,000"), report);
  }

  @Test
  void theMedianOfAnEvenNumberOfRunsIsTheSlowerOfTheMiddleTwo() {
    long second = 1_000_000_000L;
    List<BulkBenchmarks.Size> runs = List.of(4, 1, 3, 2).stream()
        .map(s -> new BulkBenchmarks.Size(1_000, 1_000, "", 0, s * second, 1, 1, 1)).toList();
    assertEquals(3 * second, new BulkBenchmarks.Repeated(runs).median().awardNanos());
    assertThrows(IllegalArgumentException.class, () -> new BulkBenchmarks.Repeated(List.of()));
  }
}
