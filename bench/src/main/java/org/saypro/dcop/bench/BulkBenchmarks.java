package org.saypro.dcop.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.bench.BenchmarkMain.Settings;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.issuer.catalogue.Catalogue;
import org.saypro.dcop.issuer.catalogue.Qualification;
import org.saypro.dcop.issuer.catalogue.bulk.BulkFile;
import org.saypro.dcop.issuer.catalogue.bulk.BulkIssuance;
import org.saypro.dcop.issuer.catalogue.bulk.RowOutcome;
import org.saypro.dcop.issuer.keys.IssuerKeyRing;

/**
 * {@code --bulk}: bulk issuance end to end (issue 6), on one embedded PostgreSQL with the issuer's beans. For each
 * size N: a CSV of N distinct learners ({@code email,name}) is read with {@link BulkFile#read} and awarded with
 * {@link BulkIssuance#award} (its own thread pool, {@code dcop.bulk.threads}, default one per CPU), timed together
 * from the bytes to the last outcome. An Open Badges {@code Badge} qualification of the SayPro organisation is added
 * through {@link Catalogue#add} first. After each size the database must hold N more credentials, N more
 * {@code award:} idempotency rows and N more log entries, and every outcome must be a new award. Each size runs
 * {@code --bulkRepeats} times (default 3) back to back, each time with a new file, and its figure is the median run.
 *
 * <p>The baseline, in the same run: Ed25519 JWS signatures per second on one thread, with the issuer's own key
 * ({@link IssuerKeyRing#key}) and the signer {@link VcJwtSigner} uses ({@link SigningKey#signer()}), over a signing
 * input of exactly the length of a credential the same award issued first. It is measured before the warmup and
 * again after the sizes; the higher of the two is the baseline (the stricter one), and both are printed, so that a
 * change of machine load during the run shows.
 *
 * <p>The log sequencer is pushed out of the way (as for {@code --status}: integrating entries is {@code --log}'s
 * subject), so the log entries the awards append stay pending.
 */
final class BulkBenchmarks {

  static final List<Integer> DEFAULT_SIZES = List.of(10_000, 100_000);
  static final double TARGET = 0.5;

  /** One timed size. */
  record Size(
      int requested, int rows, String note, long readNanos, long awardNanos, double jvmCpuSeconds,
      double postgresCpuSeconds, double loadAfter) {
    long totalNanos() {
      return readNanos + awardNanos;
    }

    double perSecond() {
      return rows / (totalNanos() / 1e9);
    }
  }

  /**
   * The raw baseline: signatures per second on one thread, before and after the sizes. The baseline is the higher of
   * the two: other processes and a JIT not yet done can only slow a measurement down, and the higher rate is the
   * stricter yardstick for the ratio.
   */
  record Raw(int inputBytes, double before, double after) {
    double best() {
      return Math.max(before, after);
    }
  }

  /**
   * The runs of one size. The machine's speed drifts within a minute by more than most changes are worth, and a
   * one-second, 10,000-row file that meets a slow moment loses a third of its rate: the figure is the median run.
   */
  record Repeated(List<Size> runs) {
    Repeated {
      if (runs.isEmpty()) {
        throw new IllegalArgumentException("a size needs at least one run");
      }
      runs = List.copyOf(runs);
    }

    /** The run of median rate (of an even number, the lower of the middle two). */
    Size median() {
      List<Size> byRate = new ArrayList<>(runs);
      byRate.sort(java.util.Comparator.comparingDouble(Size::perSecond));
      return byRate.get((byRate.size() - 1) / 2);
    }
  }

  record Result(int threads, int warmupRows, List<Repeated> sizes, Raw raw) {}

  private BulkBenchmarks() {}

  static int run(Settings settings) {
    PrintStream progress = settings.quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
    settings.loadBefore = BenchmarkMain.loadAverage();
    String started = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
    String server;
    Result result;
    try (EmbeddedIssuer issuer = EmbeddedIssuer.start(settings.bulkListSize)) {
      server = issuer.description();
      progress.println("# " + server);
      result = measure(issuer, settings, progress);
    }
    settings.loadAfter = BenchmarkMain.loadAverage();
    System.out.print(report(settings, started, server, result));
    return 0;
  }

  static Result measure(EmbeddedIssuer issuer, Settings settings, PrintStream progress) {
    Catalogue catalogue = issuer.bean(Catalogue.class);
    BulkIssuance bulk = issuer.bean(BulkIssuance.class);
    Organisation saypro = catalogue.organisation(Organisation.SAYPRO_SLUG).orElseThrow(
        () -> new IllegalStateException("no SayPro organisation"));
    Qualification badge = new Qualification(UUID.randomUUID(), saypro.id(), "BENCH-BULK", "Bulk benchmark badge",
        "A badge awarded by the bulk issuance benchmark.", "Be a row of the benchmark's file.", "Badge",
        OptionalInt.empty(), OptionalInt.empty(), List.of(), Instant.now());
    if (!catalogue.add(badge)) {
      throw new IllegalStateException("the benchmark qualification exists already");
    }
    int threads = threadsOf(bulk);

    // The raw rate before the warmup, not between it and the sizes: its loop left the first size after it running
    // with a JIT that had to settle again (JVM CPU per credential up to 0.15 ms instead of 0.11 in the 10,000-row
    // size). One award first, so that the raw signing input has the length of a credential's.
    award(issuer, bulk, saypro, badge, "probe", 1);
    SigningKey key = issuer.bean(IssuerKeyRing.class).key(KeyAlgorithm.ED25519);
    int inputBytes = signingInputLength(issuer);
    progress.printf(Locale.ROOT, "# raw signing (before), %d-byte signing input, %.0f s%n", inputBytes,
        settings.bulkRawSeconds);
    double rawBefore = rawSignaturesPerSecond(key, inputBytes, settings.bulkRawSeconds);

    // Warmup: the same path, untimed, so that the JIT has compiled it before the first timed size, as the raw signing
    // rate is measured after its own warmup. Methods called once per chunk are called a few hundred times per 100,000
    // rows, so C2 was still compiling them (a quarter of the JVM's CPU) in runs warmed with 2,000 or 40,000 rows. The
    // default also fills a status list: opening the next one issues its status list credential through the same
    // pipeline, a credential of another shape, and C2 threw away and recompiled the validator and the pipeline when
    // that first happened inside a timed size (2.6 s of C2 in the 100,000-row size after a 100,000-row warmup, 1.2 s
    // after 140,000).
    progress.printf(Locale.ROOT, "# warmup: %,d rows%n", settings.bulkWarmup);
    // In files of 10,000 rows, a cohort's size, not of BulkFile.MAX_ROWS: BulkFile.read runs once per file, and after
    // two files of 100,000 and 50,000 rows only its loop had been compiled (on-stack replacement). C2 compiled the whole
    // method, with 8 KB of inlined code, at the next call, the first timed size: 0.38 s of a compiler thread inside a
    // size that takes 1.2–1.6 s (JFR jdk.Compilation).
    for (int done = 0, file = 0; done < settings.bulkWarmup; file++) {
      int rows = Math.min(WARMUP_FILE_ROWS, settings.bulkWarmup - done);
      award(issuer, bulk, saypro, badge, "warmup" + file, rows);
      done += rows;
    }
    progress.printf(Locale.ROOT, "# JIT settled after the warmup in %.1f s%n", jitSettled() / 1e9);

    // Each size's runs back to back: interleaved (10,000, 100,000, 10,000 ...), every 10,000-row run after the first
    // met what the 100,000-row file before it left PostgreSQL to do (a checkpoint of half a gigabyte of WAL, autovacuum
    // of 100,000 new rows) and ran at 0.38–0.45 × where the first ran at 0.57–0.62 ×. A cohort's file mostly follows
    // files of its own size.
    List<List<Size>> runs = new ArrayList<>();
    Double rate = null;
    int index = 0;
    for (int requested : settings.bulkRows) {
      int rows = requested;
      String note = "";
      if (rate != null && requested / rate > settings.bulkMaxSeconds) {
        // at the rate just measured this size would take too long: the largest multiple of 10,000 (or 1,000) that fits
        int unit = rate * settings.bulkMaxSeconds >= 10_000 ? 10_000 : 1_000;
        rows = Math.max(unit, (int) (rate * settings.bulkMaxSeconds / unit) * unit);
        note = String.format(Locale.ROOT, "%,d rows would take about %.0f s at %.0f credentials/s (over"
            + " --bulkMaxSeconds=%.0f)", requested, requested / rate, rate, settings.bulkMaxSeconds);
      }
      List<Size> sizeRuns = new ArrayList<>();
      for (int run = 1; run <= settings.bulkRepeats; run++) {
        progress.printf(Locale.ROOT, "# size %,d, run %d%s%n", rows, run, note.isEmpty() ? "" : " (" + note + ")");
        Size size = award(issuer, bulk, saypro, badge, "s" + index++, rows);
        sizeRuns.add(new Size(requested, rows, note, size.readNanos(), size.awardNanos(), size.jvmCpuSeconds(),
            size.postgresCpuSeconds(), size.loadAfter()));
        progress.printf(Locale.ROOT, "#   %,.1f credentials/s (%.1f s), load %s%n", size.perSecond(),
            size.totalNanos() / 1e9, BenchmarkMain.load(size.loadAfter()));
      }
      runs.add(sizeRuns);
      rate = new Repeated(sizeRuns).median().perSecond();
    }
    List<Repeated> sizes = runs.stream().map(Repeated::new).toList();

    progress.printf(Locale.ROOT, "# raw signing (after), %.0f s%n", settings.bulkRawSeconds);
    double rawAfter = rawSignaturesPerSecond(key, inputBytes, settings.bulkRawSeconds);
    return new Result(threads, settings.bulkWarmup, sizes, new Raw(inputBytes, rawBefore, rawAfter));
  }

  /** The rows of each file of the warmup. */
  static final int WARMUP_FILE_ROWS = 10_000;

  /** Reads and awards a file of {@code rows} fresh learners, then checks that the work really happened. */
  static Size award(
      EmbeddedIssuer issuer, BulkIssuance bulk, Organisation organisation, Qualification qualification, String tag,
      int rows) {
    byte[] csv = csv(tag, rows);
    long credentialsBefore = issuer.number("select count(*) from credential");
    long awardsBefore = issuer.number("select count(*) from idempotency_key where idempotency_key like 'award:%'");
    long logBefore = issuer.number("select count(*) from log_entry where credential_uuid is not null");
    double postgresBefore = postgresCpuSeconds(issuer);
    double jvmBefore = jvmCpuSeconds();

    long t0 = System.nanoTime();
    BulkFile file = BulkFile.read(csv);
    long t1 = System.nanoTime();
    if (file.hasErrors() || file.rows().size() != rows) {
      throw new IllegalStateException("the generated file did not read as " + rows + " rows: " + file.errors());
    }
    List<RowOutcome> outcomes = bulk.award(organisation, qualification, file.rows(), AuditEvent.SYSTEM);
    long t2 = System.nanoTime();

    double jvm = jvmCpuSeconds() - jvmBefore;
    double postgres = postgresCpuSeconds(issuer) - postgresBefore;
    double load = BenchmarkMain.loadAverage();
    long fresh = outcomes.stream().filter(o -> o instanceof RowOutcome.Awarded a && !a.replayed()).count();
    List<RowOutcome> failed = outcomes.stream().filter(o -> !(o instanceof RowOutcome.Awarded a) || a.replayed())
        .limit(3).toList();
    if (outcomes.size() != rows || fresh != rows) {
      throw new IllegalStateException(
          (rows - fresh) + " of " + rows + " rows were not awarded afresh, e.g. " + failed);
    }
    check(issuer, "credentials", rows, issuer.number("select count(*) from credential") - credentialsBefore);
    check(issuer, "award idempotency rows", rows,
        issuer.number("select count(*) from idempotency_key where idempotency_key like 'award:%'") - awardsBefore);
    check(issuer, "log entries (pending or integrated)", rows,
        issuer.number("select count(*) from log_entry where credential_uuid is not null") - logBefore);
    return new Size(rows, rows, "", t1 - t0, t2 - t1, jvm, postgres, load);
  }

  private static void check(EmbeddedIssuer issuer, String what, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException("expected " + expected + " new " + what + ", found " + actual);
    }
  }

  /** {@code email,name}, one distinct learner a row. */
  static byte[] csv(String tag, int rows) {
    StringBuilder out = new StringBuilder(rows * 48 + 16);
    out.append("email,name\r\n");
    for (int i = 0; i < rows; i++) {
      out.append("learner-").append(tag).append('-').append(i).append("@bench.example,Learner ").append(tag)
          .append(' ').append(i).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The signing input (header.payload) length of one credential the awards issued. */
  private static int signingInputLength(EmbeddedIssuer issuer) {
    return (int) issuer.number("select length(secured_form) - position('.' in reverse(secured_form)) from credential"
        + " where secured_form like 'ey%' order by issued_at desc limit 1");
  }

  /**
   * Ed25519 JWS signatures per second on this thread: the issuer's key and JWSSigner, as {@link VcJwtSigner} signs,
   * over {@code bytes} bytes; {@code seconds} of warmup (the JIT needs several seconds for the field arithmetic: after
   * one second a first run measured a quarter of the final rate), then {@code seconds} measured.
   */
  static double rawSignaturesPerSecond(SigningKey key, int bytes, double seconds) {
    JWSHeader header = new JWSHeader.Builder(key.algorithm().jwsAlgorithm()).type(new JOSEObjectType("vc+jwt"))
        .contentType("vc").keyID(key.verificationMethodId()).build();
    byte[] input = new byte[bytes];
    java.util.Arrays.fill(input, (byte) 'e');
    JWSSigner signer = key.signer();
    try {
      long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
      while (System.nanoTime() < warmEnd) {
        signer.sign(header, input);
      }
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      long n = 0;
      long now;
      do {
        for (int i = 0; i < 16; i++) {
          input[i % bytes] ^= 1;
          signer.sign(header, input);
        }
        n += 16;
        now = System.nanoTime();
      } while (now < end);
      return n / ((now - start) / 1e9);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the JIT compiler has finished what the warmup left it to do: no compilation time added for half a
   * second (at most 20 s). Without it the first size paid for C2 still compiling the warmup's methods on the same two
   * cores (0.35 s of C2 in the 10,000-row size, a quarter of its JVM CPU).
   *
   * @return nanoseconds waited
   */
  static long jitSettled() {
    var compilation = ManagementFactory.getCompilationMXBean();
    long start = System.nanoTime();
    if (compilation == null || !compilation.isCompilationTimeMonitoringSupported()) {
      return 0;
    }
    long before = compilation.getTotalCompilationTime();
    while (System.nanoTime() - start < 20_000_000_000L) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long now = compilation.getTotalCompilationTime();
      if (now == before) {
        break;
      }
      before = now;
    }
    return System.nanoTime() - start;
  }

  private static int threadsOf(BulkIssuance bulk) {
    try {
      var field = BulkIssuance.class.getDeclaredField("threads");
      field.setAccessible(true);
      return field.getInt(bulk);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  static double jvmCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /**
   * CPU time of the embedded PostgreSQL's processes: the postmaster (found by its data directory on its command line)
   * and its children (backends, writers), those alive at the time of asking; -1 where the platform does not tell.
   */
  static double postgresCpuSeconds(EmbeddedIssuer issuer) {
    String data = issuer.directory().resolve("postgres").toString();
    Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(data)).orElse(false))
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
        .findFirst();
    if (postmaster.isEmpty()) {
      return -1;
    }
    double total = postmaster.get().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    for (ProcessHandle child : postmaster.get().children().toList()) {
      total += child.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }
    return total;
  }

  static String report(Settings settings, String started, String server, Result result) {
    StringBuilder out = new StringBuilder();
    out.append('\n');
    out.append("DCoP bulk issuance benchmark (--bulk): all figures and the ratio from this one run\n");
    out.append(String.format(Locale.ROOT, "started %s; %s %s, %d CPUs; load average (1 min): %s before, %s after%n",
        started, System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), BenchmarkMain.load(settings.loadBefore),
        BenchmarkMain.load(settings.loadAfter)));
    out.append(server).append('\n');
    out.append(String.format(Locale.ROOT,
        "BulkIssuance on %d thread(s) (dcop.bulk.threads); an Open Badges Badge qualification; %,d rows of warmup"
            + " (untimed) first; status lists of %,d entries; the log sequencer is off, entries stay pending; each"
            + " size %d time(s), back to back%n",
        result.threads(), result.warmupRows(), settings.bulkListSize, settings.bulkRepeats));
    out.append('\n');
    out.append(String.format(Locale.ROOT, "%-10s %10s %9s %9s %14s %12s %12s %8s   %s%n", "rows", "seconds", "read ms",
        "cred/s", "ratio to raw", "JVM cpu ms/", "PG cpu ms/", "load", "ratio of each run,"));
    out.append(String.format(Locale.ROOT, "%-10s %10s %9s %9s %14s %12s %12s %8s   %s%n", "(median)", "(end to end)", "",
        "", "", "credential", "credential", "after", "in order"));
    double raw = result.raw().best();
    for (Repeated repeated : result.sizes()) {
      Size s = repeated.median();
      StringBuilder each = new StringBuilder();
      for (Size run : repeated.runs()) {
        each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", run.perSecond() / raw));
      }
      out.append(String.format(Locale.ROOT, "%,-10d %10.1f %9.1f %9.1f %12.3f x %12.2f %12s %8s   %s%n", s.rows(),
          s.totalNanos() / 1e9, s.readNanos() / 1e6, s.perSecond(), s.perSecond() / raw,
          1000 * s.jvmCpuSeconds() / s.rows(),
          s.postgresCpuSeconds() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", 1000 * s.postgresCpuSeconds() / s.rows()),
          BenchmarkMain.load(s.loadAfter()), each));
      if (!s.note().isEmpty()) {
        out.append("           (asked for ").append(String.format(Locale.ROOT, "%,d", s.requested())).append(": ")
            .append(s.note()).append(")\n");
      }
    }
    out.append('\n');
    out.append(String.format(Locale.ROOT,
        "raw: Ed25519 JWS signatures/s, 1 thread, the issuer's key and JWSSigner, %d-byte signing input (one"
            + " credential's): %,.0f before, %,.0f after; baseline the higher, %,.0f (%.3f ms each)%n", result.raw().inputBytes(),
        result.raw().before(), result.raw().after(), raw, 1000 / raw));
    out.append(String.format(Locale.ROOT, "%-58s %8s %10s %8s%n", "ratio: credentials/s / raw signatures/s, median run",
        "ratio", "target", "verdict"));
    for (Repeated repeated : result.sizes()) {
      Size s = repeated.median();
      double ratio = s.perSecond() / raw;
      out.append(String.format(Locale.ROOT, "%-58s %6.3f x %8s %8s%n",
          String.format(Locale.ROOT, "%,d rows, %d threads, %d run(s)", s.rows(), result.threads(),
              repeated.runs().size()), ratio, String.format(Locale.ROOT, ">= %.1f x", TARGET),
          BenchmarkMain.verdict(ratio, TARGET)));
    }
    out.append("checked after each size: N new credentials, N new award: idempotency rows, N new log entries, every"
        + " outcome a new award\n");
    out.append("CPU per credential: JVM = all threads of this JVM (workers, GC, JIT) / rows; PG = the embedded"
        + " PostgreSQL's processes / rows\n");
    return out.toString();
  }
}
