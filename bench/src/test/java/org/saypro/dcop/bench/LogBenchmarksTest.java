package org.saypro.dcop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.ledger.AnchorGasMeter;

/** Runs no benchmark and starts no database or chain: checks the --log fixtures, options and report. */
class LogBenchmarksTest {

  @Test
  void sampledProofsVerifyAndTheFloorHashesOncePerProofHash() {
    LogProofs.Sample sample = LogProofs.Sample.build(1000, 64, LogProofs.SEED);
    sample.check();
    // 1000 leaves: a tree of depth 10, the last leaf sits on a shorter right edge.
    assertEquals(10, sample.maxProofLength());
    assertTrue(sample.minProofLength() < 10);
    assertEquals(999, sample.index[1]);
    java.security.MessageDigest digest = LogProofs.sha256();
    byte[] chained = new byte[32];
    LogProofs.Sample.hashChain(digest, new byte[65], chained, sample.leafBytes[0], sample.proofBytes.get(0));
    // Same count of 65-byte hashes, in a fixed order: a different value from the root, but not the leaf itself.
    assertTrue(!java.util.Arrays.equals(sample.leafBytes[0], chained));
  }

  @Test
  void logModeOptions() {
    assertNull(BenchmarkMain.Settings.parse(new String[0]).log);
    assertEquals(LogBenchmarks.PARTS, BenchmarkMain.Settings.parse(new String[] {"--log"}).log);
    assertEquals(List.of("gas", "proofs"), BenchmarkMain.Settings.parse(new String[] {"--log=gas,proofs"}).log);
    assertEquals(25600, BenchmarkMain.Settings.parse(new String[] {"--log"}).entries);
    assertEquals(3, BenchmarkMain.Settings.parse(new String[] {"--log"}).appendRounds);
    assertEquals(5120, BenchmarkMain.Settings.parse(new String[] {"--log", "--quick"}).entries);
    assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.Settings.parse(new String[] {"--log=nope"}));
    assertThrows(
        IllegalArgumentException.class, () -> BenchmarkMain.Settings.parse(new String[] {"--log", "--only=x"}));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.Settings.parse(new String[] {"--log", "--breakdown"}));
  }

  @Test
  void appendReportTakesTheRatioOfMedians() {
    long second = 1_000_000_000L;
    List<LogAppend.Round> rounds =
        List.of(
            new LogAppend.Round(1000, second / 10, second / 5, second, second / 2, second / 2),
            new LogAppend.Round(1000, second / 20, second / 5, second / 2, second / 4, second / 4),
            new LogAppend.Round(1000, second / 10, second / 5, second / 4, second / 8, second / 8));
    StringBuilder out = new StringBuilder();
    LogBenchmarks.appendSection(
        out, BenchmarkMain.Settings.parse(new String[] {"--log", "--entries=1000"}), new LogAppend.Result("pg", rounds));
    String report = out.toString();
    // plain 10,000 / 20,000 / 10,000 -> median 10,000; log 1,000 / 2,000 / 4,000 -> median 2,000
    assertTrue(report.matches("(?s).*\\nplain: batched inserts into a scratch table\\s+10,000\\s+10,000\\s+20,000\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nlog: AppendToLog per entry \\+ LogSequencer.integrateBatch\\s+2,000\\s+1,000\\s+4,000\\n.*"), report);
    assertTrue(report.matches("(?s).*\\n  info: plain, one insert statement per row \\(no batch\\)\\s+5,000\\s+5,000\\s+5,000\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nlog / plain\\s+0\\.20 x\\s+>= 0\\.8 x\\s+BELOW\\n.*"), report);
  }

  @Test
  void gasReportDividesEachAnchorByItsBatch() {
    long[] sizes = LogAnchorGas.treeSizes();
    assertEquals(List.of(1L, 2L, 102L, 10_102L, 110_102L), java.util.Arrays.stream(sizes).boxed().toList());
    AnchorGasMeter.Measurement m =
        new AnchorGasMeter.Measurement(
            267_493,
            List.of(
                new AnchorGasMeter.Sample(1, 68_402, 716), new AnchorGasMeter.Sample(2, 51_302, 716),
                new AnchorGasMeter.Sample(102, 51_302, 716), new AnchorGasMeter.Sample(10_102, 51_314, 728),
                new AnchorGasMeter.Sample(110_102, 51_314, 728)));
    StringBuilder out = new StringBuilder();
    LogBenchmarks.gasSection(out, new LogAnchorGas.Result(m, "anvil"));
    String report = out.toString();
    assertTrue(report.matches("(?s).*\\n\\s+100,000\\s+110,102\\s+51,314\\s+728\\s+29,586\\s+0\\.51\\n.*"), report);
    assertTrue(report.matches("(?s).*\\n\\s+1\\s+2\\s+51,302\\s+716\\s+29,586\\s+51,302\\.00\\n.*"), report);
    assertTrue(report.contains("independent of the batch size: YES (execution gas 29,586"), report);
  }
}
