package org.saypro.dcop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the benchmarks through JMH's Runner API and prints one table: operations per second of raw Ed25519 and of the
 * issue and verify pipelines, and the pipeline/raw ratios against their targets, all from the same run. Informational
 * lines put the Data Integrity (eddsa-rdfc-2022) pipelines next to vc+jwt, with the share of their time that RDFC-1.0
 * canonicalization takes.
 *
 * <p>Options (each also as a system property {@code -Dbench.<name>=<value>}): {@code --quick}, {@code --breakdown},
 * {@code --wi=N}, {@code --diwi=N}, {@code --w=SECONDS}, {@code --i=N}, {@code --r=SECONDS}, {@code --forks=N}, {@code --rounds=N},
 * {@code --only=REGEX},
 * {@code --jvmArgs="..."}, {@code --json=FILE}, {@code --prof=SPEC}, {@code --quiet}. {@code --log} runs the
 * transparency-log benchmarks instead ({@link LogBenchmarks}), with {@code --entries=N} and {@code --appendRounds=N}.
 * {@code --status} runs the status-list benchmarks ({@link StatusBenchmarks}), with {@code --changes=N},
 * {@code --changeRounds=N}, {@code --threads=N} and {@code --rebuilds=N}. {@code --bulk} runs the bulk issuance
 * benchmark ({@link BulkBenchmarks}), with {@code --bulkRows=N,M}, {@code --bulkMaxSeconds=S}, {@code --bulkWarmup=N},
 * {@code --bulkRawSeconds=S}, {@code --bulkListSize=N} and {@code --bulkRepeats=N}.
 */
public final class BenchmarkMain {

  static final double ISSUE_TARGET = 0.5;
  static final double VERIFY_TARGET = 0.7;
  /** Informational ratios without a target (the Data Integrity lines). */
  static final double NO_TARGET = Double.NaN;
  /** Below this share of a CPU a single-threaded benchmark was competing with other processes. */
  static final double STARVED_SHARE = 0.9;

  private static final String P = Pipeline.class.getSimpleName() + ".";
  private static final String S = Steps.class.getSimpleName() + ".";

  /**
   * Pipeline's benchmarks in run order: each raw operation directly before the pipeline compared with it; then the
   * Data Integrity lines, with the canonicalization alone between DI issue and DI verify, whose shares it gives.
   */
  static final List<String> HEADLINE_ORDER =
      List.of(
          "ed25519RawSign", "issue", "ed25519RawVerify", "verify", "es256RawSign", "es256Issue", "ob3Issue",
          "diIssue", "diCanonicalize", "diVerify", "diEcdsaIssue");

  private BenchmarkMain() {}

  public static void main(String[] args) throws RunnerException {
    Settings settings = Settings.parse(args);
    if (settings.help) {
      System.out.println(USAGE);
      return;
    }
    if (settings.log != null) {
      // The transparency-log benchmarks: a separate mode, so the default run stays as it was.
      System.exit(LogBenchmarks.run(settings));
    }
    if (settings.status != null) {
      // The status-list benchmarks: another separate mode, on a database of their own.
      System.exit(StatusBenchmarks.run(settings));
    }
    if (settings.bulk) {
      // Bulk issuance end to end: a separate mode too, on a database of its own.
      System.exit(BulkBenchmarks.run(settings));
    }

    // Fail in seconds, not minutes, if a fixture no longer takes the success path.
    Fixtures fixtures = new Fixtures();
    fixtures.checkSuccessPaths();

    Options baseOptions = baseOptions(settings);

    // JMH would run the benchmarks alphabetically; each raw operation runs right before its pipeline instead, so a
    // change in machine load between them skews a ratio as little as possible. The Data Integrity benchmarks (JSON-LD
    // expansion and RDFC-1.0: far more code for the JIT than the vc+jwt path) get their own warmup count, --diwi.
    String pipeline = "^" + Pipeline.class.getName().replace(".", "\\.") + "\\.";
    String dataIntegrity = pipeline + "di";
    List<Options> batches = new ArrayList<>();
    if (settings.only != null) {
      // The selection in two halves, either of which may be empty: without the DI benchmarks, and only those.
      batches.add(
          new OptionsBuilder()
              .parent(baseOptions)
              .include(settings.only)
              .exclude(dataIntegrity)
              .exclude(LogBenchmarks.JMH_CLASS)
              .build());
      batches.add(
          new OptionsBuilder()
              .parent(baseOptions)
              .include(settings.only)
              .exclude("^(?!" + dataIntegrity.substring(1) + ")")
              .warmupIterations(settings.diWarmupIterations)
              .build());
    } else {
      for (String method : HEADLINE_ORDER) {
        ChainedOptionsBuilder batch = new OptionsBuilder().parent(baseOptions).include(pipeline + method + "$");
        if (method.startsWith("di")) {
          batch.warmupIterations(settings.diWarmupIterations);
        }
        batches.add(batch.build());
      }
      if (settings.breakdown) {
        batches.add(
            new OptionsBuilder().parent(baseOptions).include("^" + Steps.class.getName().replace(".", "\\.") + "\\.").build());
      }
    }
    settings.loadBefore = loadAverage();
    List<RunResult> results = new ArrayList<>();
    for (int round = 1; round <= settings.rounds; round++) {
      for (Options batch : batches) {
        try {
          results.addAll(new Runner(batch).run());
        } catch (NoBenchmarksException e) {
          // one half of an --only selection matched nothing; checked below that the whole selection matched something
        }
      }
    }
    if (results.isEmpty()) {
      throw new NoBenchmarksException();
    }
    settings.loadAfter = loadAverage();
    if (settings.json != null) {
      try (PrintStream file = new PrintStream(settings.json, StandardCharsets.UTF_8)) {
        ResultFormatFactory.getInstance(ResultFormatType.JSON, file).writeOut(results);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Map<String, Measured> measured = pool(results);
    System.out.print(report(measured, settings, fixtures));
  }

  /** The JMH options every benchmark shares: iterations, forks, JVM flags, verbosity and profilers. */
  static Options baseOptions(Settings settings) {
    ChainedOptionsBuilder base =
        new OptionsBuilder()
            .forks(settings.forks)
            .warmupIterations(settings.warmupIterations)
            .warmupTime(TimeValue.milliseconds(Math.round(settings.warmupSeconds * 1000)))
            .measurementIterations(settings.iterations)
            .measurementTime(TimeValue.milliseconds(Math.round(settings.iterationSeconds * 1000)))
            .threads(1)
            .shouldFailOnError(true)
            .jvmArgs(settings.jvmArgs.isEmpty() ? new String[0] : settings.jvmArgs.split("\\s+"))
            .verbosity(settings.quiet ? VerboseMode.SILENT : VerboseMode.NORMAL)
            .addProfiler(CpuTimeProfiler.class);
    if (settings.prof != null) {
      for (String profiler : settings.prof.split(";")) {
        int colon = profiler.indexOf(':');
        if (colon < 0) {
          base.addProfiler(profiler);
        } else {
          base.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
        }
      }
    }
    return base.build();
  }

  /**
   * Every measurement iteration of every fork and round, pooled per benchmark ({@code Class.method}); medians are
   * taken over the pool.
   */
  static Map<String, Measured> pool(List<RunResult> results) {
    Map<String, ListStatistics[]> pooled = new LinkedHashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      ListStatistics[] pool = pooled.computeIfAbsent(shortName, k -> new ListStatistics[] {new ListStatistics(), new ListStatistics()});
      for (BenchmarkResult fork : result.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          pool[0].addValue(iteration.getPrimaryResult().getScore());
          Result<?> cpu = iteration.getSecondaryResults().get(CpuTimeProfiler.RESULT);
          if (cpu != null) {
            pool[1].addValue(cpu.getScore());
          }
        }
      }
    }
    Map<String, Measured> measured = new LinkedHashMap<>();
    pooled.forEach((name, pool) -> measured.put(name, new Measured(pool[0], pool[1])));
    return measured;
  }

  /** One benchmark's iterations: wall-clock ops/s, and ops per CPU-second of its JVM (null or empty: not measured). */
  record Measured(Statistics wall, Statistics cpu) {
    double wallMedian() {
      return wall.getPercentile(50);
    }

    Optional<Double> cpuMedian() {
      return cpu == null || cpu.getN() == 0 ? Optional.empty() : Optional.of(cpu.getPercentile(50));
    }
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static String report(Map<String, Measured> m, Settings settings, Fixtures fixtures) {
    int cpus = Runtime.getRuntime().availableProcessors();
    StringBuilder out = new StringBuilder();
    out.append('\n');
    out.append("DCoP credential pipeline benchmark: one thread, operations per second, all figures from this one run\n");
    out.append(
        String.format(
            Locale.ROOT,
            "JMH %s, %d round(s) x %d fork(s) per benchmark, warmup %d x %s s (DI lines %d x %s s), measurement %d x %s s;"
                + " %s %s, %d CPUs; %s%n",
            org.openjdk.jmh.util.Version.getPlainVersion(), settings.rounds, settings.forks, settings.warmupIterations,
            seconds(settings.warmupSeconds), settings.diWarmupIterations, seconds(settings.warmupSeconds),
            settings.iterations,
            seconds(settings.iterationSeconds), System.getProperty("java.vm.name"),
            System.getProperty("java.version"), cpus,
            settings.jvmArgs.isBlank() ? "default JVM flags" : "JVM flags " + settings.jvmArgs));
    out.append(
        String.format(
            Locale.ROOT,
            "payload: vc+jwt signing input %d bytes (credential JSON %d bytes); OB 3.0 vc+jwt %d chars; issuer %s%n",
            fixtures.signingInput.length, fixtures.payloadJson.length, fixtures.issuedOb3.compactJws().length(),
            Fixtures.ISSUER_DID));
    out.append(
        String.format(
            Locale.ROOT,
            "Data Integrity: eddsa-rdfc-2022 secured credential %d bytes; RDFC-1.0 N-Quads: credential %d quads"
                + " (%d bytes), proof config %d quads (%d bytes)%n",
            fixtures.issuedDi.securedForm().getBytes(StandardCharsets.UTF_8).length,
            fixtures.diCanonicalDocument.lines().count(),
            fixtures.diCanonicalDocument.getBytes(StandardCharsets.UTF_8).length,
            fixtures.diCanonicalProofConfig.lines().count(),
            fixtures.diCanonicalProofConfig.getBytes(StandardCharsets.UTF_8).length));
    out.append(
        String.format(
            Locale.ROOT, "load average (1 min): %s before, %s after the run%n%n", load(settings.loadBefore),
            load(settings.loadAfter)));

    out.append(
        String.format(
            Locale.ROOT, "%-44s %13s %22s %9s %12s%n", "benchmark", "ops/s median", "ops/s mean +- 99.9% CI",
            "us/op", "ops/CPU-s"));
    row(out, "Ed25519 raw sign (BC lightweight)", m.get(P + "ed25519RawSign"));
    row(out, "Ed25519 raw verify (BC lightweight)", m.get(P + "ed25519RawVerify"));
    row(out, "issue pipeline (IssueCredential.issue)", m.get(P + "issue"));
    row(out, "verify pipeline (CredentialVerifier.verify)", m.get(P + "verify"));
    row(out, "info: ES256 raw sign (JDK SHA256withECDSA)", m.get(P + "es256RawSign"));
    row(out, "info: ES256 issue pipeline", m.get(P + "es256Issue"));
    row(out, "info: OB 3.0 AchievementCredential issue", m.get(P + "ob3Issue"));
    row(out, "info: DI eddsa-rdfc-2022 issue pipeline", m.get(P + "diIssue"));
    row(out, "info: DI eddsa-rdfc-2022 verify pipeline", m.get(P + "diVerify"));
    row(out, "info: DI canonicalize alone (RDFC-1.0)", m.get(P + "diCanonicalize"));
    row(out, "info: DI ecdsa-rdfc-2019 issue pipeline", m.get(P + "diEcdsaIssue"));
    out.append('\n');

    out.append(
        String.format(
            Locale.ROOT, "%-40s %8s  %-11s %-7s %s%n", "ratio (of medians)", "ops/s", "target", "verdict",
            "CPU-time cross-check"));
    ratio(out, "issue / raw sign", m.get(P + "issue"), m.get(P + "ed25519RawSign"), ISSUE_TARGET, false);
    ratio(out, "verify / raw verify", m.get(P + "verify"), m.get(P + "ed25519RawVerify"), VERIFY_TARGET, false);
    ratio(out, "info: ES256 issue / ES256 raw sign", m.get(P + "es256Issue"), m.get(P + "es256RawSign"), ISSUE_TARGET, true);
    ratio(out, "info: OB 3.0 issue / Ed25519 raw sign", m.get(P + "ob3Issue"), m.get(P + "ed25519RawSign"), ISSUE_TARGET, true);
    ratio(out, "info: DI issue / Ed25519 raw sign", m.get(P + "diIssue"), m.get(P + "ed25519RawSign"), NO_TARGET, true);
    ratio(out, "info: DI verify / Ed25519 raw verify", m.get(P + "diVerify"), m.get(P + "ed25519RawVerify"), NO_TARGET, true);
    out.append("(info lines are compared with the issue target for orientation only; the DI lines have no target)\n");
    dataIntegrity(out, m);
    // A single-threaded benchmark that had its CPU to itself burns about one CPU-second per second (a little more
    // with GC and JIT threads); less means other processes took turns, and wall-clock figures suffer.
    Optional<Map.Entry<String, Double>> starved =
        m.entrySet().stream()
            .filter(e -> e.getValue().cpuMedian().isPresent())
            .map(e -> Map.entry(e.getKey(), e.getValue().wallMedian() / e.getValue().cpuMedian().get()))
            .min(Map.Entry.comparingByValue());
    starved.ifPresent(
        worst -> {
          out.append(
              String.format(
                  Locale.ROOT, "CPU share of the benchmark JVM: lowest %.2f (%s); 1.00 is a whole CPU%n",
                  worst.getValue(), worst.getKey()));
          if (worst.getValue() < STARVED_SHARE) {
            out.append(
                "WARNING: the machine was busy: other processes took CPU from the benchmark, so ops/s and their\n"
                    + "         ratios are skewed; trust the CPU-time cross-check more, or run again on a quiet machine.\n");
          }
        });

    if (m.keySet().stream().anyMatch(k -> k.startsWith(S))) {
      breakdown(out, m);
    }
    return out.toString();
  }

  /**
   * Data Integrity next to vc+jwt (ops/s of each and DI / vc+jwt), and canonicalization's share of each DI pipeline:
   * the microseconds of the canonicalization alone over the microseconds of DI issue and of DI verify.
   */
  private static void dataIntegrity(StringBuilder out, Map<String, Measured> m) {
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT, "%-40s %10s %10s %11s  %s%n", "Data Integrity (eddsa-rdfc-2022), info", "vc+jwt", "DI",
            "DI / vc+jwt", "CPU-time cross-check"));
    sideBySide(out, "issue ops/s", m.get(P + "issue"), m.get(P + "diIssue"));
    sideBySide(out, "verify ops/s", m.get(P + "verify"), m.get(P + "diVerify"));
    Measured canonicalize = m.get(P + "diCanonicalize");
    out.append(
        String.format(
            Locale.ROOT, "%-40s %10s %10s %11s  %s%n", "canonicalization share of DI time", "canon us", "DI us", "share",
            "CPU-time cross-check"));
    share(out, "canonicalize / DI issue", canonicalize, m.get(P + "diIssue"));
    share(out, "canonicalize / DI verify", canonicalize, m.get(P + "diVerify"));
    out.append("(canonicalize = RDFC-1.0 of the credential without its proof and of the proof configuration, alone)\n");
  }

  private static void sideBySide(StringBuilder out, String label, Measured jwt, Measured di) {
    if (jwt == null || di == null) {
      out.append(String.format(Locale.ROOT, "%-40s %s%n", label, "n/a (not run)"));
      return;
    }
    Optional<Double> cpu = di.cpuMedian().flatMap(d -> jwt.cpuMedian().map(j -> d / j));
    out.append(
        String.format(
            Locale.ROOT, "%-40s %,10.0f %,10.0f %9.3f x  %s%n", label, jwt.wallMedian(), di.wallMedian(),
            di.wallMedian() / jwt.wallMedian(), cpu.map(c -> String.format(Locale.ROOT, "%.3f x", c)).orElse("n/a")));
  }

  private static void share(StringBuilder out, String label, Measured part, Measured whole) {
    if (part == null || whole == null) {
      out.append(String.format(Locale.ROOT, "%-40s %s%n", label, "n/a (not run)"));
      return;
    }
    // part us / whole us = (1e6 / part ops/s) / (1e6 / whole ops/s) = whole ops/s / part ops/s
    Optional<Double> cpu = cpuMicros(part).flatMap(p -> cpuMicros(whole).map(w -> 100 * p / w));
    out.append(
        String.format(
            Locale.ROOT, "%-40s %10s %10s %9.0f %%  %s%n", label, us(1e6 / part.wallMedian()),
            us(1e6 / whole.wallMedian()), 100 * whole.wallMedian() / part.wallMedian(),
            cpu.map(c -> String.format(Locale.ROOT, "%.0f %%", c)).orElse("n/a")));
  }

  private static void breakdown(StringBuilder out, Map<String, Measured> m) {
    out.append('\n');
    out.append("breakdown: each step measured alone; microseconds per operation from the medians, wall clock and\n");
    out.append("CPU time (all JVM threads, so GC included); share = the step's CPU time / the pipeline's CPU-time gap\n");
    out.append("over its raw operation. Steps are not exactly additive (JIT and allocation differ in isolation).\n");
    Optional<Double> issueGap = gap(m.get(P + "issue"), m.get(P + "ed25519RawSign"));
    out.append(String.format(Locale.ROOT, "%-62s %9s %9s %7s%n", "issue", "wall us", "CPU us", "share"));
    step(out, "issue pipeline", m.get(P + "issue"), Optional.empty());
    step(out, "  raw Ed25519 sign", m.get(P + "ed25519RawSign"), Optional.empty());
    out.append(String.format(Locale.ROOT, "  %-60s %9s %9s%n", "= gap (pipeline - raw sign)", "", issueGap.map(BenchmarkMain::us).orElse("n/a")));
    step(out, "  new id: \"urn:uuid:\" + UUID.randomUUID()", m.get(S + "issue_newId"), issueGap);
    step(out, "  IssueOptions.parse", m.get(S + "issue_parseOptions"), issueGap);
    step(out, "  deep copy of the request (the id assignment copies it)", m.get(S + "issue_copyRequest"), issueGap);
    step(out, "  CredentialValidator.validate (VC 2.0 rules)", m.get(S + "validate"), issueGap);
    step(out, "  VcJwtSigner.sign (JSON, framing, Ed25519, serialize)", m.get(S + "issue_vcJwtSign"), Optional.empty());
    step(out, "    Json.write of the credential (JWT payload)", m.get(S + "issue_writePayloadJson"), issueGap);
    step(out, "    JWSHeader build + base64url header/payload", m.get(S + "issue_framing"), issueGap);
    step(out, "  (OB 3.0 only) validate incl. Open Badges JSON Schema", m.get(S + "validateOb3"), Optional.empty());

    Optional<Double> verifyGap = gap(m.get(P + "verify"), m.get(P + "ed25519RawVerify"));
    out.append(String.format(Locale.ROOT, "%-62s %9s %9s %7s%n", "verify", "wall us", "CPU us", "share"));
    step(out, "verify pipeline", m.get(P + "verify"), Optional.empty());
    step(out, "  raw Ed25519 verify (public key decoded once)", m.get(P + "ed25519RawVerify"), Optional.empty());
    out.append(String.format(Locale.ROOT, "  %-60s %9s %9s%n", "= gap (pipeline - raw verify)", "", verifyGap.map(BenchmarkMain::us).orElse("n/a")));
    step(out, "  SecuredInput.classify of the envelope", m.get(S + "verify_classify"), verifyGap);
    step(out, "  CompactJws.parse (base64url, header JSON)", m.get(S + "verify_parseJws"), verifyGap);
    step(out, "  Json.parse of the payload", m.get(S + "verify_parsePayloadJson"), verifyGap);
    step(out, "  CredentialValidator.validate (VC 2.0 rules)", m.get(S + "validate"), verifyGap);
    step(out, "  kid -> DID document -> method (in-memory did:web)", m.get(S + "verify_didLookup"), verifyGap);
    step(out, "  new BouncyCastleEd25519Verifier (point decompression)", m.get(S + "verify_decodePublicKey"), verifyGap);
  }

  private static void row(StringBuilder out, String label, Measured s) {
    if (s == null) {
      out.append(String.format(Locale.ROOT, "%-44s %13s%n", label, "not run"));
      return;
    }
    Statistics w = s.wall();
    double error = w.getN() > 2 ? w.getMeanErrorAt(0.999) : Double.NaN;
    String mean =
        String.format(Locale.ROOT, "%,.0f +- %s", w.getMean(), Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "%,.0f", error));
    out.append(
        String.format(
            Locale.ROOT, "%-44s %,13.0f %22s %9s %12s%n", label, s.wallMedian(), mean, us(1e6 / s.wallMedian()),
            s.cpuMedian().map(c -> String.format(Locale.ROOT, "%,.0f", c)).orElse("n/a")));
  }

  private static void ratio(StringBuilder out, String label, Measured pipeline, Measured raw, double target, boolean info) {
    if (pipeline == null || raw == null) {
      out.append(String.format(Locale.ROOT, "%-40s %s%n", label, "n/a (not run)"));
      return;
    }
    double wall = pipeline.wallMedian() / raw.wallMedian();
    Optional<Double> cpu = pipeline.cpuMedian().flatMap(p -> raw.cpuMedian().map(r -> p / r));
    if (Double.isNaN(target)) {
      // No target: the ratio only, with three decimals because these ratios are small.
      out.append(
          String.format(
              Locale.ROOT, "%-40s %6.3f x  %-11s %-7s %s%n", label, wall, "(none)", "-",
              cpu.map(c -> String.format(Locale.ROOT, "%.3f x", c)).orElse("n/a")));
      return;
    }
    String goal = String.format(Locale.ROOT, info ? "(>= %.1f x)" : ">= %.1f x", target);
    out.append(
        String.format(
            Locale.ROOT, "%-40s %6.2f x  %-11s %-7s %s%n", label, wall, goal, verdict(wall, target),
            cpu.map(c -> String.format(Locale.ROOT, "%.2f x %s", c, verdict(c, target))).orElse("n/a")));
  }

  static String load(double value) {
    return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }

  static String verdict(double value, double target) {
    return value >= target ? "PASS" : "BELOW";
  }

  private static Optional<Double> gap(Measured pipeline, Measured raw) {
    return cpuMicros(pipeline).flatMap(p -> cpuMicros(raw).map(r -> p - r));
  }

  private static void step(StringBuilder out, String label, Measured s, Optional<Double> gap) {
    Optional<Double> cpu = cpuMicros(s);
    String share =
        cpu.flatMap(c -> gap.filter(g -> g > 0).map(g -> String.format(Locale.ROOT, "%.0f %%", 100 * c / g))).orElse("");
    out.append(
        String.format(
            Locale.ROOT, "%-62s %9s %9s %7s%n", label, s == null ? "n/a" : us(1e6 / s.wallMedian()),
            cpu.map(BenchmarkMain::us).orElse("n/a"), share));
  }

  private static Optional<Double> cpuMicros(Measured s) {
    return s == null ? Optional.empty() : s.cpuMedian().map(c -> 1e6 / c);
  }

  static String us(double micros) {
    return String.format(Locale.ROOT, micros < 10 ? "%.2f" : "%.1f", micros);
  }

  static String seconds(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  static final String USAGE =
      """
      java -jar bench/target/benchmarks.jar [options]
        --quick          1 warmup x 1 s (DI: 2), 3 measurements x 1 s (a smoke run; figures are rough)
        --breakdown      also measure each pipeline step alone and print where the time goes
        --wi=N --w=SEC   warmup iterations and seconds per warmup iteration (default 3 x 2)
        --diwi=N         warmup iterations of the Data Integrity benchmarks (default 6; --quick: 2)
        --i=N  --r=SEC   measurement iterations and seconds per iteration (default 5 x 2)
        --forks=N        JVM forks per benchmark (default 1)
        --rounds=N       repeat the whole sequence N times and pool the iterations (default 1); on a shared
                         machine --rounds=3 spreads each pair over time and steadies the ratios
        --only=REGEX     run only the benchmarks whose name matches (JMH include)
        --jvmArgs="..."  flags of the forked JVM (default: -Xms1g -Xmx1g)
        --json=FILE      also write JMH's JSON result file
        --prof=SPEC      add JMH profilers, ';'-separated, e.g. --prof=gc or --prof="jfr:dir=/tmp/jfr"
        --quiet          no JMH progress output, only the final table
      Transparency-log benchmarks (a separate run; see bench/README.md):
        --log            inclusion-proof verification, log append into PostgreSQL, anchor gas (about 1.5 min);
                         --log=proofs,append,gas runs only the parts named. --quick, --wi, --w, --i, --r,
                         --forks, --rounds, --jvmArgs, --json, --prof and --quiet apply to its JMH part (proofs)
        --entries=N      log entries per round of the append benchmark (default 25600; --quick: 5120)
        --appendRounds=N measured rounds of the append benchmark, each path once per round (default 3; --quick: 1)
      Status-list benchmarks (a separate run; see bench/README.md):
        --status         status changes/s against the same SQL without the rebuild, list response sizes, rebuild
                         time against EncodedList.encode (about 1.5 min); --status=changes,sizes,rebuild runs only
                         the parts named. --quick and --quiet apply
        --changes=N      revocations per round (default 200; --quick: 50)
        --changeRounds=N measured rounds per thread count (default 3; --quick: 1)
        --threads=N      threads of the concurrent rounds, all on one list (default 4)
        --rebuilds=N     timed rebuilds per list (default 40; --quick: 10), after N/2 untimed
      Bulk issuance benchmark (a separate run; see bench/README.md):
        --bulk           BulkFile.read + BulkIssuance.award of CSVs of fresh learners, end to end, against raw
                         single-thread Ed25519 JWS signing in the same run (target >= 0.5 x). --quiet applies
        --bulkRows=N,M   file sizes (default 10000,100000); a size that would take longer than --bulkMaxSeconds
                         at the rate of the size before is cut to what fits, and the report says so
        --bulkMaxSeconds=S  (default 480)
        --bulkWarmup=N   rows awarded untimed first, in files of 10000 (default 150000: more than one
                         status list of 131072, so the warmup also fills a list and opens the next, as the timed
                         sizes do; --bulkWarmup=2000 shows a freshly started server)
        --bulkRawSeconds=S  seconds of each raw signing measurement (and of its warmup), before and after the
                         sizes; the higher rate is the baseline (default 5)
        --bulkListSize=N dcop.status.list-size of the run (default 131072, as application.yml)
        --bulkRepeats=N  runs of each size, back to back; the report gives the median run and the ratio of
                         each (default 3)
      Each option is also a system property: -Dbench.quick=true, -Dbench.wi=5, -Dbench.only=Pipeline.issue ...
      """;

  /** Run settings from arguments, falling back to system properties, falling back to defaults. */
  static final class Settings {
    boolean help;
    boolean quick;
    boolean breakdown;
    boolean quiet;
    int warmupIterations;
    int diWarmupIterations;
    double warmupSeconds;
    int iterations;
    double iterationSeconds;
    int forks;
    int rounds;
    String only;
    String json;
    String jvmArgs;
    String prof;
    /** --log: null when off, else the parts to run (proofs, append, gas). */
    List<String> log;
    int entries;
    int appendRounds;
    /** --status: null when off, else the parts to run (changes, sizes, rebuild). */
    List<String> status;
    int changes;
    int changeRounds;
    int threads;
    int rebuilds;
    /** --bulk: the bulk issuance benchmark. */
    boolean bulk;
    List<Integer> bulkRows;
    double bulkMaxSeconds;
    int bulkWarmup;
    double bulkRawSeconds;
    int bulkListSize;
    int bulkRepeats;
    double loadBefore = -1;
    double loadAfter = -1;

    static Settings parse(String[] args) {
      Map<String, String> given = new LinkedHashMap<>();
      for (String name : List.of("quick", "breakdown", "quiet", "wi", "diwi", "w", "i", "r", "forks", "rounds", "only", "json", "jvmArgs", "prof", "log", "entries", "appendRounds", "status", "changes", "changeRounds", "threads", "rebuilds", "bulk", "bulkRows", "bulkMaxSeconds", "bulkWarmup", "bulkRawSeconds", "bulkListSize", "bulkRepeats")) {
        String property = System.getProperty("bench." + name);
        if (property != null) {
          given.put(name, property);
        }
      }
      List<String> unknown = new ArrayList<>();
      for (String arg : args) {
        if (arg.equals("-h") || arg.equals("--help")) {
          given.put("help", "true");
        } else if (arg.startsWith("--")) {
          int eq = arg.indexOf('=');
          given.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        } else {
          unknown.add(arg);
        }
      }
      Settings s = new Settings();
      s.help = Boolean.parseBoolean(given.remove("help"));
      s.quick = Boolean.parseBoolean(given.remove("quick"));
      s.breakdown = Boolean.parseBoolean(given.remove("breakdown"));
      s.quiet = Boolean.parseBoolean(given.remove("quiet"));
      s.warmupIterations = Integer.parseInt(given.getOrDefault("wi", s.quick ? "1" : "3"));
      s.diWarmupIterations = Integer.parseInt(given.getOrDefault("diwi", s.quick ? "2" : "6"));
      s.warmupSeconds = Double.parseDouble(given.getOrDefault("w", s.quick ? "1" : "2"));
      s.iterations = Integer.parseInt(given.getOrDefault("i", s.quick ? "3" : "5"));
      s.iterationSeconds = Double.parseDouble(given.getOrDefault("r", s.quick ? "1" : "2"));
      s.forks = Integer.parseInt(given.getOrDefault("forks", "1"));
      s.rounds = Integer.parseInt(given.getOrDefault("rounds", "1"));
      s.only = given.get("only");
      s.json = given.get("json");
      s.prof = given.get("prof");
      s.jvmArgs = given.getOrDefault("jvmArgs", "-Xms1g -Xmx1g").strip();
      String log = given.get("log");
      if (log != null && !log.equals("false")) {
        s.log = log.equals("true") ? LogBenchmarks.PARTS : List.of(log.split(","));
        if (!LogBenchmarks.PARTS.containsAll(s.log) || s.log.isEmpty()) {
          throw new IllegalArgumentException("--log takes no value or a comma-separated list of " + LogBenchmarks.PARTS);
        }
        for (String other : List.of("only", "diwi", "breakdown")) {
          if (given.containsKey(other) || (other.equals("breakdown") && s.breakdown)) {
            throw new IllegalArgumentException("--" + other + " does not apply to --log");
          }
        }
      }
      String status = given.get("status");
      if (status != null && !status.equals("false")) {
        s.status = status.equals("true") ? StatusBenchmarks.PARTS : List.of(status.split(","));
        if (!StatusBenchmarks.PARTS.containsAll(s.status) || s.status.isEmpty()) {
          throw new IllegalArgumentException(
              "--status takes no value or a comma-separated list of " + StatusBenchmarks.PARTS);
        }
        if (s.log != null) {
          throw new IllegalArgumentException("--status and --log are separate runs");
        }
        for (String other : List.of("only", "diwi", "breakdown", "wi", "w", "i", "r", "forks", "rounds", "prof",
            "json", "jvmArgs")) {
          if (given.containsKey(other) || (other.equals("breakdown") && s.breakdown)) {
            throw new IllegalArgumentException("--" + other + " does not apply to --status");
          }
        }
      }
      s.bulk = Boolean.parseBoolean(given.getOrDefault("bulk", "false"));
      s.bulkRows = given.containsKey("bulkRows")
          ? java.util.Arrays.stream(given.get("bulkRows").split(",")).map(String::strip).map(Integer::parseInt).toList()
          : BulkBenchmarks.DEFAULT_SIZES;
      s.bulkMaxSeconds = Double.parseDouble(given.getOrDefault("bulkMaxSeconds", "480"));
      s.bulkWarmup = Integer.parseInt(given.getOrDefault("bulkWarmup", "150000"));
      s.bulkRawSeconds = Double.parseDouble(given.getOrDefault("bulkRawSeconds", "5"));
      s.bulkListSize = Integer.parseInt(given.getOrDefault("bulkListSize", String.valueOf(EmbeddedIssuer.LIST_SIZE)));
      s.bulkRepeats = Integer.parseInt(given.getOrDefault("bulkRepeats", "3"));
      if (s.bulk) {
        if (s.log != null || s.status != null) {
          throw new IllegalArgumentException("--bulk, --status and --log are separate runs");
        }
        if (s.bulkRows.isEmpty() || s.bulkRows.stream().anyMatch(n -> n < 1 || n > 100_000) || s.bulkWarmup < 0
            || s.bulkWarmup > 1_000_000 || s.bulkMaxSeconds <= 0 || s.bulkRawSeconds <= 0
            || s.bulkListSize < 131_072 || s.bulkListSize % 8 != 0 || s.bulkListSize > 16 * 1024 * 1024
            || s.bulkRepeats < 1 || s.bulkRepeats > 9) {
          throw new IllegalArgumentException("need --bulkRows of 1 to 100000 each (BulkFile.MAX_ROWS),"
              + " --bulkWarmup of 0 to 1000000, --bulkMaxSeconds > 0, --bulkRawSeconds > 0, --bulkListSize a multiple"
              + " of 8 from 131072 to 16777216, --bulkRepeats of 1 to 9");
        }
        for (String other : List.of("only", "diwi", "breakdown", "wi", "w", "i", "r", "forks", "rounds", "prof",
            "json", "jvmArgs")) {
          if (given.containsKey(other) || (other.equals("breakdown") && s.breakdown)) {
            throw new IllegalArgumentException("--" + other + " does not apply to --bulk");
          }
        }
      }
      s.changes = Integer.parseInt(given.getOrDefault("changes", s.quick ? "50" : "200"));
      s.changeRounds = Integer.parseInt(given.getOrDefault("changeRounds", s.quick ? "1" : "3"));
      s.threads = Integer.parseInt(given.getOrDefault("threads", "4"));
      s.rebuilds = Integer.parseInt(given.getOrDefault("rebuilds", s.quick ? "10" : "40"));
      s.entries = Integer.parseInt(given.getOrDefault("entries", s.quick ? "5120" : "25600"));
      s.appendRounds = Integer.parseInt(given.getOrDefault("appendRounds", s.quick ? "1" : "3"));
      for (String known : List.of("wi", "diwi", "w", "i", "r", "forks", "rounds", "only", "json", "jvmArgs", "prof", "log", "entries", "appendRounds", "status", "changes", "changeRounds", "threads", "rebuilds", "bulk", "bulkRows", "bulkMaxSeconds", "bulkWarmup", "bulkRawSeconds", "bulkListSize", "bulkRepeats")) {
        given.remove(known);
      }
      unknown.addAll(given.keySet().stream().map(k -> "--" + k).toList());
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("unknown option(s) " + unknown + "\n" + USAGE);
      }
      if (s.iterations < 1 || s.warmupIterations < 0 || s.diWarmupIterations < 0 || s.forks < 1 || s.rounds < 1
          || s.entries < 1 || s.appendRounds < 1 || s.changes < 1 || s.changeRounds < 1 || s.threads < 1
          || s.rebuilds < 1) {
        throw new IllegalArgumentException(
            "need --i >= 1, --wi >= 0, --diwi >= 0, --forks >= 1, --rounds >= 1, --entries >= 1, --appendRounds >= 1,"
                + " --changes >= 1, --changeRounds >= 1, --threads >= 1, --rebuilds >= 1");
      }
      return s;
    }
  }
}
