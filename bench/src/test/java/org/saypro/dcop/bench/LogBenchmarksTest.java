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
    // entries, plain, plain unnest, plain per row, append batched, integrate, append per entry
    List<LogAppend.Round> rounds =
        List.of(
            new LogAppend.Round(1000, second / 10, second / 40, second / 5, second / 8, second / 2, second / 2),
            new LogAppend.Round(1000, second / 20, second / 40, second / 5, second / 4, second / 4, second / 4),
            new LogAppend.Round(1000, second / 10, second / 40, second / 5, second / 10, second / 8, second / 8));
    StringBuilder out = new StringBuilder();
    LogBenchmarks.appendSection(
        out, BenchmarkMain.Settings.parse(new String[] {"--log", "--entries=1000"}), new LogAppend.Result("pg", rounds));
    String report = out.toString();
    // plain 10,000 / 20,000 / 10,000 -> median 10,000
    assertTrue(report.matches("(?s).*\\nplain: batched inserts into a scratch table \\(one JDBC batch\\)\\s+10,000\\s+10,000\\s+20,000\\n.*"), report);
    assertTrue(report.matches("(?s).*\\n  info: plain, one insert statement per row\\s+5,000\\s+5,000\\s+5,000\\n.*"), report);
    assertTrue(report.matches("(?s).*\\n  info: plain, one insert \\.\\.\\. select from unnest \\(AppendToLog's SQL\\)\\s+40,000\\s+40,000\\s+40,000\\n.*"), report);
    // append batched 8,000 / 4,000 / 10,000 -> median 8,000
    assertTrue(report.matches("(?s).*\\nlog append, batched: AppendToLog.credentials, 256 per call\\s+8,000\\s+4,000\\s+10,000\\n.*"), report);
    // integrate 2,000 / 4,000 / 8,000 -> median 4,000
    assertTrue(report.matches("(?s).*\\nintegration: LogSequencer.integrateBatch, 256 per call\\s+4,000\\s+2,000\\s+8,000\\n.*"), report);
    // end to end: 1000 / (1/8 + 1/2) = 1,600; 1000 / (1/4 + 1/4) = 2,000; 1000 / (1/10 + 1/8) = 4,444 -> median 2,000
    assertTrue(report.matches("(?s).*\\nend to end: batched append \\+ integration\\s+2,000\\s+1,600\\s+4,444\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nlog append batched / plain \\(the target\\)\\s+0\\.80 x\\s+>= 0\\.8 x\\s+PASS\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nend to end \\(append \\+ integration\\) / plain\\s+0\\.20 x\\s+>= 0\\.8 x\\s+BELOW\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nintegration / plain\\s+0\\.40 x\\s+\\(none\\)\\s*\\n.*"), report);
    assertTrue(report.matches("(?s).*\\ninfo: log append batched / plain unnest \\(same SQL shape\\)\\s+0\\.20 x.*"), report);
    // append per entry 2,000 / 4,000 / 8,000 -> median 4,000; / plain 0.40; / plain per row 0.80
    assertTrue(report.matches("(?s).*\\ninfo: log append per entry / plain\\s+0\\.40 x.*"), report);
    assertTrue(report.matches("(?s).*\\ninfo: log append per entry / plain per row\\s+0\\.80 x.*"), report);
    assertTrue(report.contains("(per round, log append batched / plain: 0.80, 0.20, 1.00; end to end / plain: 0.16, 0.10, 0.44)"), report);
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
