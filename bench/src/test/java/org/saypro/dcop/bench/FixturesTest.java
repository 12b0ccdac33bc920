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

  @Test
  void dataIntegrityFixtureCarriesAnEddsaProofByTheMultikeyMethod() {
    var proof = fixtures.diDocument.get("proof");
    assertEquals("DataIntegrityProof", proof.get("type").textValue());
    assertEquals("eddsa-rdfc-2022", proof.get("cryptosuite").textValue());
    assertEquals(fixtures.ed25519Key.multikeyVerificationMethodId(), proof.get("verificationMethod").textValue());
    assertTrue(fixtures.didDocument.mayAssert(fixtures.ed25519Key.multikeyVerificationMethodId()));
    assertEquals("ecdsa-rdfc-2019", fixtures.issuedDiEcdsa.document().get("proof").get("cryptosuite").textValue());
    // The canonicalization benchmark's inputs are the proofless credential and the proof without its value.
    assertTrue(!fixtures.diUnsecured.has("proof") && !fixtures.diProofConfig.has("proofValue"));
    assertEquals(fixtures.diDocument.get("@context"), fixtures.diProofConfig.get("@context"));
    String[] canonical = fixtures.canonicalizeDi();
    assertEquals(fixtures.diCanonicalDocument, canonical[0]);
    assertEquals(fixtures.diCanonicalProofConfig, canonical[1]);
  }

  @Test
  void reportPutsDataIntegrityNextToVcJwtWithCanonicalizationShares() {
    Map<String, BenchmarkMain.Measured> measured =
        Map.of(
            "Pipeline.ed25519RawSign", new BenchmarkMain.Measured(stats(100, 100, 100), stats(100, 100, 100)),
            "Pipeline.issue", new BenchmarkMain.Measured(stats(40, 60, 60), stats(60, 60, 60)),
            "Pipeline.ed25519RawVerify", new BenchmarkMain.Measured(stats(100, 100, 100), stats(100, 100, 100)),
            "Pipeline.verify", new BenchmarkMain.Measured(stats(80, 80, 80), stats(80, 80, 80)),
            "Pipeline.diIssue", new BenchmarkMain.Measured(stats(3, 3, 3), stats(4, 4, 4)),
            "Pipeline.diVerify", new BenchmarkMain.Measured(stats(2, 2, 2), stats(2, 2, 2)),
            "Pipeline.diCanonicalize", new BenchmarkMain.Measured(stats(4, 4, 4), stats(5, 5, 5)));
    String report =
        BenchmarkMain.report(measured, BenchmarkMain.Settings.parse(new String[] {"--quick"}), fixtures);
    // Headline ratios and targets are unchanged by the DI lines.
    assertTrue(report.matches("(?s).*\\nissue / raw sign\\s+0\\.60 x\\s+>= 0\\.5 x\\s+PASS\\s+0\\.60 x PASS\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nverify / raw verify\\s+0\\.80 x\\s+>= 0\\.7 x\\s+PASS\\s+0\\.80 x PASS\\n.*"), report);
    assertTrue(report.matches("(?s).*\\ninfo: DI eddsa-rdfc-2022 issue pipeline\\s+3 .*"), report);
    assertTrue(report.matches("(?s).*\\ninfo: DI issue / Ed25519 raw sign\\s+0\\.030 x\\s+\\(none\\)\\s+-\\s+0\\.040 x\\n.*"), report);
    assertTrue(report.matches("(?s).*\\ninfo: DI verify / Ed25519 raw verify\\s+0\\.020 x\\s+\\(none\\)\\s+-\\s+0\\.020 x\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nissue ops/s\\s+60\\s+3\\s+0\\.050 x\\s+0\\.067 x\\n.*"), report);
    assertTrue(report.matches("(?s).*\\nverify ops/s\\s+80\\s+2\\s+0\\.025 x\\s+0\\.025 x\\n.*"), report);
    // canonicalization alone 250,000 us (CPU 200,000) of DI issue 333,333 us (CPU 250,000) and DI verify 500,000 us.
    assertTrue(report.matches("(?s).*\\ncanonicalize / DI issue\\s+250000\\.0\\s+333333\\.3\\s+75 %\\s+80 %\\n.*"), report);
    assertTrue(report.matches("(?s).*\\ncanonicalize / DI verify\\s+250000\\.0\\s+500000\\.0\\s+50 %\\s+40 %\\n.*"), report);
  }

  @Test
  void dataIntegrityBenchmarksGetTheirOwnWarmup() {
    assertEquals(3, BenchmarkMain.Settings.parse(new String[0]).warmupIterations);
    assertEquals(6, BenchmarkMain.Settings.parse(new String[0]).diWarmupIterations);
    assertEquals(2, BenchmarkMain.Settings.parse(new String[] {"--quick"}).diWarmupIterations);
    assertEquals(9, BenchmarkMain.Settings.parse(new String[] {"--diwi=9"}).diWarmupIterations);
    assertTrue(BenchmarkMain.HEADLINE_ORDER.subList(0, 7).stream().noneMatch(m -> m.startsWith("di")));
  }

  private static Statistics stats(double... values) {
    ListStatistics s = new ListStatistics();
    for (double v : values) {
      s.addValue(v);
    }
    return s;
  }
}
