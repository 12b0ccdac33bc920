package org.saypro.dcop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Statistics;

/** Runs no benchmark: checks that the benchmarked paths are the success paths and that the report reads its results. */
class FixturesTest {

  private final Fixtures fixtures = new Fixtures();

  @Test
  void everyBenchmarkedPathSucceeds() {
    fixtures.checkSuccessPaths();
  }

  @Test
  void rawPayloadIsTheSigningInputOfTheIssuedJwt() {
    String jws = fixtures.compactJws;
    assertEquals(jws.substring(0, jws.lastIndexOf('.')), new String(fixtures.signingInput, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(64, fixtures.signature.length);
  }

  @Test
  void reportComputesRatiosFromMediansAndMarksThem() {
    Map<String, BenchmarkMain.Measured> measured =
        Map.of(
            "Pipeline.ed25519RawSign", new BenchmarkMain.Measured(stats(100, 100, 100), stats(50, 50, 50)),
            "Pipeline.issue", new BenchmarkMain.Measured(stats(40, 60, 60), stats(20, 20, 30)),
            "Pipeline.ed25519RawVerify", new BenchmarkMain.Measured(stats(100, 100, 100), null),
            "Pipeline.verify", new BenchmarkMain.Measured(stats(60, 60, 90), null));
    String report =
        BenchmarkMain.report(measured, BenchmarkMain.Settings.parse(new String[] {"--quick"}), fixtures);
    assertTrue(report.matches("(?s).*\\nissue / raw sign\\s+0\\.60 x\\s+>= 0\\.5 x\\s+PASS\\s+0\\.40 x BELOW\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nverify / raw verify\\s+0\\.60 x\\s+>= 0\\.7 x\\s+BELOW\\s+n/a\\n.*"), report);
  }

  private static Statistics stats(double... values) {
    ListStatistics s = new ListStatistics();
    for (double v : values) {
      s.addValue(v);
    }
    return s;
  }
}
