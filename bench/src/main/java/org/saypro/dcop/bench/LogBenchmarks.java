package org.saypro.dcop.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;
import org.saypro.dcop.bench.BenchmarkMain.Measured;
import org.saypro.dcop.bench.BenchmarkMain.Settings;
import org.saypro.dcop.ledger.AnchorGasMeter;

/**
 * {@code --log}: the transparency-log benchmarks, run apart from the credential pipelines so that the default run
 * does not grow. Three parts, each printed with its baseline and ratio from the same run:
 *
 * <ol>
 *   <li>{@code proofs}: inclusion-proof verifications per second against the SHA-256 floor ({@link LogProofs}, JMH);
 *   <li>{@code append}: log append throughput into PostgreSQL against plain batched inserts, with the integration
 *       capacity and the end-to-end figure ({@link LogAppend});
 *   <li>{@code gas}: gas per credential of one anchor per checkpoint at several batch sizes ({@link LogAnchorGas}).
 * </ol>
 */
final class LogBenchmarks {

  static final List<String> PARTS = List.of("proofs", "append", "gas");

  /** The append path's target: log entries/s at least this share of plain inserts/s. */
  static final double APPEND_TARGET = 0.8;

  /** JMH include/exclude pattern of the proof benchmarks. */
  static final String JMH_CLASS = "^" + LogProofs.class.getName().replace(".", "\\.") + "\\.";

  /** Run order: the floor directly before the verifier compared with it. */
  static final List<String> PROOF_ORDER = List.of("sha256Floor", "inclusionVerify", "inclusionVerifyWire");

  private static final String L = LogProofs.class.getSimpleName() + ".";

  private LogBenchmarks() {}

  /** Outcome of one part: its figures, or why it has none. */
  record Part<T>(T value, String failure) {
    static <T> Part<T> of(T value) {
      return new Part<>(value, null);
    }

    static <T> Part<T> failed(Throwable e) {
      return new Part<>(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    static <T> Part<T> skipped() {
      return new Part<>(null, "not run (not selected with --log=...)");
    }
  }

  /** Runs the selected parts and prints the report; returns the exit status (1 when a selected part failed). */
  static int run(Settings settings) {
    PrintStream progress = settings.quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
    settings.loadBefore = BenchmarkMain.loadAverage();
    String started = java.time.ZonedDateTime.now().withNano(0).toString();

    Part<Map<String, Measured>> proofs = Part.skipped();
    LogProofs.Sample sample = null;
    if (settings.log.contains("proofs")) {
      try {
        // The sample's shape for the header; each JMH fork builds the same tree and sample again.
        sample = LogProofs.Sample.build(LogProofs.TREE_SIZE, LogProofs.SAMPLE, LogProofs.SEED);
        sample.check();
        proofs = Part.of(runProofs(settings));
      } catch (RunnerException | RuntimeException e) {
        proofs = Part.failed(e);
      }
    }

    Part<LogAppend.Result> append = Part.skipped();
    if (settings.log.contains("append")) {
      try {
        append = Part.of(LogAppend.measure(settings.entries, settings.appendRounds, warmupEntries(settings), progress));
      } catch (RuntimeException e) {
        e.printStackTrace();
        append = Part.failed(e);
      }
    }

    Part<LogAnchorGas.Result> gas = Part.skipped();
    if (settings.log.contains("gas")) {
      try {
        progress.println("# anchor gas: anvil, tree sizes " + Arrays.toString(LogAnchorGas.treeSizes()));
        gas = Part.of(LogAnchorGas.measure());
      } catch (RuntimeException e) {
        gas = Part.failed(e);
      }
    }
    settings.loadAfter = BenchmarkMain.loadAverage();

    System.out.print(report(settings, started, sample, proofs, append, gas));
    boolean failed =
        (settings.log.contains("proofs") && proofs.failure() != null)
            || (settings.log.contains("append") && append.failure() != null)
            || (settings.log.contains("gas") && gas.failure() != null);
    return failed ? 1 : 0;
  }

  /** A warmup round of the append benchmark: a fifth of a round, at least 20 batches, at most a round. */
  static int warmupEntries(Settings settings) {
    return Math.min(settings.entries, Math.max(20 * LogAppend.BATCH, settings.entries / 5));
  }

  private static Map<String, Measured> runProofs(Settings settings) throws RunnerException {
    Options base = BenchmarkMain.baseOptions(settings);
    List<RunResult> results = new ArrayList<>();
    for (int round = 1; round <= settings.rounds; round++) {
      for (String method : PROOF_ORDER) {
        results.addAll(new Runner(new OptionsBuilder().parent(base).include(JMH_CLASS + method + "$").build()).run());
      }
    }
    if (settings.json != null) {
      try (PrintStream file = new PrintStream(settings.json, StandardCharsets.UTF_8)) {
        ResultFormatFactory.getInstance(ResultFormatType.JSON, file).writeOut(results);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return BenchmarkMain.pool(results);
  }

  static String report(
      Settings settings,
      String started,
      LogProofs.Sample sample,
      Part<Map<String, Measured>> proofs,
      Part<LogAppend.Result> append,
      Part<LogAnchorGas.Result> gas) {
    StringBuilder out = new StringBuilder();
    out.append('\n');
    out.append("DCoP transparency-log benchmark (--log): all figures and ratios from this one run\n");
    out.append(
        String.format(
            Locale.ROOT, "started %s; %s %s, %d CPUs; load average (1 min): %s before, %s after%n", started,
            System.getProperty("java.vm.name"), System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(), BenchmarkMain.load(settings.loadBefore),
            BenchmarkMain.load(settings.loadAfter)));

    out.append('\n');
    out.append("1. Merkle inclusion proofs (one thread, one proof per operation)\n");
    if (proofs.failure() != null) {
      out.append("   n/a: ").append(proofs.failure()).append('\n');
    } else {
      proofSection(out, settings, sample, proofs.value());
    }

    out.append('\n');
    out.append("2. Log append into PostgreSQL (one thread, entries per second)\n");
    if (append.failure() != null) {
      out.append("   n/a: ").append(append.failure()).append('\n');
    } else {
      appendSection(out, settings, append.value());
    }

    out.append('\n');
    out.append("3. Anchor gas per credential (one anchor transaction per checkpoint)\n");
    if (gas.failure() != null) {
      out.append("   n/a: ").append(gas.failure()).append('\n');
    } else {
      gasSection(out, gas.value());
    }
    return out.toString();
  }

  private static void proofSection(StringBuilder out, Settings settings, LogProofs.Sample sample, Map<String, Measured> m) {
    out.append(
        String.format(
            Locale.ROOT,
            "tree of %,d leaves built in memory (MerkleTree.of and CompactRange.append, roots equal); %,d sampled"
                + " proofs of %d to %d hashes (mean %.2f)%n",
            sample.size, sample.index.length, sample.minProofLength(), sample.maxProofLength(),
            sample.meanProofLength()));
    out.append(
        String.format(
            Locale.ROOT, "JMH %s, %d round(s) x %d fork(s), warmup %d x %s s, measurement %d x %s s; %s%n",
            org.openjdk.jmh.util.Version.getPlainVersion(), settings.rounds, settings.forks, settings.warmupIterations,
            BenchmarkMain.seconds(settings.warmupSeconds), settings.iterations,
            BenchmarkMain.seconds(settings.iterationSeconds),
            settings.jvmArgs.isBlank() ? "default JVM flags" : "JVM flags " + settings.jvmArgs));
    out.append(
        String.format(
            Locale.ROOT, "%-52s %13s %22s %9s %12s%n", "benchmark", "proofs/s med", "mean +- 99.9% CI", "us/proof",
            "proofs/CPU-s"));
    proofRow(out, "raw floor: SHA-256(0x01|32 B|32 B) x proof length", m.get(L + "sha256Floor"));
    proofRow(out, "InclusionProofVerifier.verify (Hash values)", m.get(L + "inclusionVerify"));
    proofRow(out, "info: InclusionProofVerifier.verify (wire bytes)", m.get(L + "inclusionVerifyWire"));
    out.append(
        String.format(
            Locale.ROOT, "%-52s %8s  %-7s %s%n", "ratio (of medians)", "proofs/s", "target", "CPU-time cross-check"));
    ratio(out, "verify / raw floor", m.get(L + "inclusionVerify"), m.get(L + "sha256Floor"));
    ratio(out, "info: verify (wire bytes) / raw floor", m.get(L + "inclusionVerifyWire"), m.get(L + "sha256Floor"));
    Measured floor = m.get(L + "sha256Floor");
    if (floor != null) {
      out.append(
          String.format(
              Locale.ROOT, "(the floor hashes %,.0f blocks of 65 bytes per second: %.2f us per hash)%n",
              floor.wallMedian() * sample.meanProofLength(), 1e6 / (floor.wallMedian() * sample.meanProofLength())));
    }
  }

  private static void proofRow(StringBuilder out, String label, Measured s) {
    if (s == null) {
      out.append(String.format(Locale.ROOT, "%-52s %13s%n", label, "not run"));
      return;
    }
    Statistics w = s.wall();
    double error = w.getN() > 2 ? w.getMeanErrorAt(0.999) : Double.NaN;
    String mean =
        String.format(
            Locale.ROOT, "%,.0f +- %s", w.getMean(),
            Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "%,.0f", error));
    out.append(
        String.format(
            Locale.ROOT, "%-52s %,13.0f %22s %9s %12s%n", label, s.wallMedian(), mean,
            BenchmarkMain.us(1e6 / s.wallMedian()),
            s.cpuMedian().map(c -> String.format(Locale.ROOT, "%,.0f", c)).orElse("n/a")));
  }

  private static void ratio(StringBuilder out, String label, Measured part, Measured floor) {
    if (part == null || floor == null) {
      out.append(String.format(Locale.ROOT, "%-52s %s%n", label, "n/a (not run)"));
      return;
    }
    Optional<Double> cpu = part.cpuMedian().flatMap(p -> floor.cpuMedian().map(f -> p / f));
    out.append(
        String.format(
            Locale.ROOT, "%-52s %6.2f x  %-7s %s%n", label, part.wallMedian() / floor.wallMedian(), "(none)",
            cpu.map(c -> String.format(Locale.ROOT, "%.2f x", c)).orElse("n/a")));
  }

  static void appendSection(StringBuilder out, Settings settings, LogAppend.Result result) {
    List<LogAppend.Round> rounds = result.rounds();
    out.append(result.server()).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "%,d entries per round, %d measured round(s) after a warmup round of %,d; %d rows per transaction in every"
                + " path; every path starts from empty tables%n",
            rounds.get(0).entries(), rounds.size(), warmupEntries(settings), LogAppend.BATCH));
    out.append(String.format(Locale.ROOT, "%-68s %10s %10s %10s%n", "path", "entries/s", "min", "max"));
    appendRow(out, "plain: batched inserts into a scratch table (one JDBC batch)", rounds,
        LogAppend.Round::plainPerSecond);
    appendRow(out, "  info: plain, one insert ... select from unnest (AppendToLog's SQL)", rounds,
        LogAppend.Round::plainUnnestPerSecond);
    appendRow(out, "  info: plain, one insert statement per row", rounds, LogAppend.Round::plainPerRowPerSecond);
    appendRow(out, "log append, batched: AppendToLog.credentials, 256 per call", rounds,
        LogAppend.Round::appendPerSecond);
    appendRow(out, "  info: log append, one entry per call: AppendToLog.credential", rounds,
        LogAppend.Round::appendPerEntryPerSecond);
    appendRow(out, "integration: LogSequencer.integrateBatch, 256 per call", rounds,
        LogAppend.Round::integratePerSecond);
    appendRow(out, "end to end: batched append + integration", rounds, LogAppend.Round::endToEndPerSecond);
    out.append(String.format(Locale.ROOT, "%-68s %8s  %-9s %s%n", "ratio (of medians)", "", "target", "verdict"));
    double plain = median(rounds, LogAppend.Round::plainPerSecond);
    double append = median(rounds, LogAppend.Round::appendPerSecond);
    double endToEnd = median(rounds, LogAppend.Round::endToEndPerSecond);
    ratioRow(out, "log append batched / plain (the target)", append / plain, true);
    ratioRow(out, "end to end (append + integration) / plain", endToEnd / plain, true);
    ratioRow(out, "integration / plain", median(rounds, LogAppend.Round::integratePerSecond) / plain, false);
    ratioRow(out, "info: log append batched / plain unnest (same SQL shape)",
        append / median(rounds, LogAppend.Round::plainUnnestPerSecond), false);
    ratioRow(out, "info: log append per entry / plain", median(rounds, LogAppend.Round::appendPerEntryPerSecond) / plain,
        false);
    ratioRow(out, "info: log append per entry / plain per row",
        median(rounds, LogAppend.Round::appendPerEntryPerSecond)
            / median(rounds, LogAppend.Round::plainPerRowPerSecond), false);
    out.append("(per round, log append batched / plain: ")
        .append(perRound(rounds, r -> r.appendPerSecond() / r.plainPerSecond()))
        .append("; end to end / plain: ")
        .append(perRound(rounds, r -> r.endToEndPerSecond() / r.plainPerSecond()))
        .append(")\n");
  }

  private static void ratioRow(StringBuilder out, String label, double ratio, boolean targeted) {
    out.append(
        targeted
            ? String.format(
                Locale.ROOT, "%-68s %6.2f x  >= %.1f x  %s%n", label, ratio, APPEND_TARGET,
                BenchmarkMain.verdict(ratio, APPEND_TARGET))
            : String.format(Locale.ROOT, "%-68s %6.2f x  %s%n", label, ratio, "(none)"));
  }

  private static String perRound(
      List<LogAppend.Round> rounds, java.util.function.ToDoubleFunction<LogAppend.Round> ratio) {
    StringBuilder values = new StringBuilder();
    for (LogAppend.Round round : rounds) {
      values.append(values.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%.2f", ratio.applyAsDouble(round)));
    }
    return values.toString();
  }

  private static void appendRow(
      StringBuilder out, String label, List<LogAppend.Round> rounds, java.util.function.ToDoubleFunction<LogAppend.Round> f) {
    double[] values = rounds.stream().mapToDouble(f).sorted().toArray();
    out.append(
        String.format(
            Locale.ROOT, "%-68s %,10.0f %,10.0f %,10.0f%n", label, median(rounds, f), values[0],
            values[values.length - 1]));
  }

  static double median(List<LogAppend.Round> rounds, java.util.function.ToDoubleFunction<LogAppend.Round> f) {
    double[] values = rounds.stream().mapToDouble(f).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  static void gasSection(StringBuilder out, LogAnchorGas.Result result) {
    AnchorGasMeter.Measurement m = result.measurement();
    out.append("anvil ").append(result.anvil()).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "CheckpointAnchor deployed for %,d gas; the log's first checkpoint (1 entry, tree size %,d) anchored for"
                + " %,d gas (execution %,d: the first anchor also initialises the latest-size slot)%n",
            m.deploymentGas(), m.first().treeSize(), m.first().gasUsed(), m.first().executionGas()));
    out.append(
        String.format(
            Locale.ROOT, "%12s %12s %12s %10s %10s %16s%n", "batch size", "tree size", "gas/anchor", "calldata",
            "execution", "gas/credential"));
    for (int i = 0; i < LogAnchorGas.BATCH_SIZES.size(); i++) {
      long batch = LogAnchorGas.BATCH_SIZES.get(i);
      AnchorGasMeter.Sample s = result.anchorOfBatch(i);
      out.append(
          String.format(
              Locale.ROOT, "%,12d %,12d %,12d %,10d %,10d %,16.2f%n", batch, s.treeSize(), s.gasUsed(),
              s.calldataGas(), s.executionGas(), (double) s.gasUsed() / batch));
    }
    long spread = m.maxSteadyGas() - m.minSteadyGas();
    out.append(
        String.format(
            Locale.ROOT,
            "gas per anchor independent of the batch size: %s (execution gas %s for every batch size; gas/anchor"
                + " %,d to %,d, a spread of %d gas from calldata bytes of the size and root only)%n",
            m.executionGasIsConstant() ? "YES" : "NO",
            m.executionGasIsConstant()
                ? String.format(Locale.ROOT, "%,d", m.steady().get(0).executionGas())
                : "varies",
            m.minSteadyGas(), m.maxSteadyGas(), spread));
  }
}
