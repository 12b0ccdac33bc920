package org.saypro.dcop.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.saypro.dcop.bench.BenchmarkMain.Settings;
import org.saypro.dcop.bench.LogBenchmarks.Part;

/**
 * {@code --status}: the status-list benchmarks, on one embedded PostgreSQL with the issuer's beans. Three parts, each
 * printed with its baseline and ratio from the same run:
 *
 * <ol>
 *   <li>{@code changes}: revocations per second through {@code ChangeCredentialStatus.change}, one thread and several
 *       on one list, against the same SQL without the rebuild ({@link StatusChanges});
 *   <li>{@code sizes}: bytes of the two served bodies of a list with 0 %, 1 % and 10 % of its bits set;
 *   <li>{@code rebuild}: {@code PublishStatusList.rebuild} of those lists against {@code EncodedList.encode} of the
 *       same bits ({@link StatusListBuilds}).
 * </ol>
 */
final class StatusBenchmarks {

  static final List<String> PARTS = List.of("changes", "sizes", "rebuild");

  private StatusBenchmarks() {}

  /** Runs the selected parts and prints the report; returns the exit status (1 when a selected part failed). */
  static int run(Settings settings) {
    PrintStream progress = settings.quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
    settings.loadBefore = BenchmarkMain.loadAverage();
    String started = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
    String server;
    Part<StatusChanges.Result> changes = Part.skipped();
    Part<StatusListBuilds.Result> builds = Part.skipped();
    try (EmbeddedIssuer issuer = EmbeddedIssuer.start()) {
      server = issuer.description();
      progress.println("# " + server);
      // changes first: its credentials take revocation-1 through the issuer's allocation, the lists built below are 2-4
      if (settings.status.contains("changes")) {
        try {
          changes = Part.of(
              StatusChanges.measure(issuer, settings.changes, settings.changeRounds, settings.threads, progress));
        } catch (RuntimeException e) {
          e.printStackTrace();
          changes = Part.failed(e);
        }
      }
      if (settings.status.contains("sizes") || settings.status.contains("rebuild")) {
        try {
          builds = Part.of(
              StatusListBuilds.measure(issuer, settings.rebuilds, settings.status.contains("rebuild"), progress));
        } catch (RuntimeException e) {
          e.printStackTrace();
          builds = Part.failed(e);
        }
      }
    }
    settings.loadAfter = BenchmarkMain.loadAverage();
    System.out.print(report(settings, started, server, changes, builds));
    boolean failed = changes.failure() != null && settings.status.contains("changes")
        || builds.failure() != null && (settings.status.contains("sizes") || settings.status.contains("rebuild"));
    return failed ? 1 : 0;
  }

  static String report(
      Settings settings, String started, String server, Part<StatusChanges.Result> changes,
      Part<StatusListBuilds.Result> builds) {
    StringBuilder out = new StringBuilder();
    out.append('\n');
    out.append("DCoP status-list benchmark (--status): all figures and ratios from this one run\n");
    out.append(String.format(Locale.ROOT, "started %s; %s %s, %d CPUs; load average (1 min): %s before, %s after%n",
        started, System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), BenchmarkMain.load(settings.loadBefore),
        BenchmarkMain.load(settings.loadAfter)));
    out.append(server).append('\n');

    out.append('\n');
    out.append("1. Status changes: revocations per second on one list of 131,072 entries\n");
    if (changes.failure() != null) {
      out.append("   n/a: ").append(changes.failure()).append('\n');
    } else {
      changeSection(out, changes.value());
    }
    out.append('\n');
    out.append("2. Status list response size (bytes of the body, as stored and served; no HTTP compression)\n");
    if (builds.failure() != null) {
      out.append("   n/a: ").append(builds.failure()).append('\n');
    } else {
      sizeSection(out, builds.value());
    }
    out.append('\n');
    out.append("3. Rebuilding a list of 131,072 entries (one thread; medians)\n");
    if (builds.failure() != null) {
      out.append("   n/a: ").append(builds.failure()).append('\n');
    } else if (builds.value().timings().isEmpty()) {
      out.append("   n/a: not run (not selected with --status=...)\n");
    } else {
      rebuildSection(out, builds.value());
    }
    return out.toString();
  }

  static void changeSection(StringBuilder out, StatusChanges.Result result) {
    out.append(String.format(Locale.ROOT,
        "%,d revocations per round, %d measured round(s) per thread count after a warmup round; each path revokes the"
            + " same credentials from all bits clear%n", result.changes(), result.single().size()));
    out.append(String.format(Locale.ROOT, "%-62s %8s %10s %10s %10s%n", "path", "threads", "changes/s", "min", "max"));
    for (List<StatusChanges.Round> rounds : List.of(result.single(), result.parallel())) {
      int threads = rounds.get(0).threads();
      changeRow(out, "raw: the change's SQL in one transaction, no rebuild", threads, rounds,
          StatusChanges.Round::rawPerSecond);
      changeRow(out, "full: ChangeCredentialStatus.change (rebuild, sign twice)", threads, rounds,
          StatusChanges.Round::fullPerSecond);
      changeRow(out, "  info: floor, one-row update per transaction", threads, rounds,
          StatusChanges.Round::floorPerSecond);
    }
    double full1 = median(result.single(), StatusChanges.Round::fullPerSecond);
    double raw1 = median(result.single(), StatusChanges.Round::rawPerSecond);
    double fullN = median(result.parallel(), StatusChanges.Round::fullPerSecond);
    double rawN = median(result.parallel(), StatusChanges.Round::rawPerSecond);
    int threads = result.threads();
    out.append(String.format(Locale.ROOT, "%-62s %8s%n", "ratio (of medians)", ""));
    out.append(String.format(Locale.ROOT, "%-62s %8.3f x%n", "full / raw, 1 thread", full1 / raw1));
    out.append(String.format(Locale.ROOT, "%-62s %8.3f x%n", "full / raw, " + threads + " threads", fullN / rawN));
    out.append(String.format(Locale.ROOT, "%-62s %8.2f x%n", "full, " + threads + " threads / 1 thread", fullN / full1));
    out.append(String.format(Locale.ROOT,
        "(1 thread: %.2f ms per change, of which %.2f ms (%.0f %%) is the rebuild and its signatures)%n", 1000 / full1,
        1000 / full1 - 1000 / raw1, 100 * (1 - full1 / raw1)));
  }

  private static void changeRow(
      StringBuilder out, String label, int threads, List<StatusChanges.Round> rounds,
      ToDoubleFunction<StatusChanges.Round> f) {
    double[] values = rounds.stream().mapToDouble(f).sorted().toArray();
    out.append(String.format(Locale.ROOT, "%-62s %8d %,10.0f %,10.0f %,10.0f%n", label, threads, median(rounds, f),
        values[0], values[values.length - 1]));
  }

  static double median(List<StatusChanges.Round> rounds, ToDoubleFunction<StatusChanges.Round> f) {
    double[] values = rounds.stream().mapToDouble(f).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  static void sizeSection(StringBuilder out, StatusListBuilds.Result result) {
    out.append(String.format(Locale.ROOT, "%-18s %12s %12s %14s %12s %12s%n", "bits set", "JSON (DI)", "vc+jwt",
        "encodedList", "JSON/list", "jwt/list"));
    for (StatusListBuilds.Size size : result.sizes()) {
      out.append(String.format(Locale.ROOT, "%-18s %,12d %,12d %,14d %11.2f x %11.2f x%n", bitsSet(size.set()),
          size.diJsonBytes(), size.vcJwtBytes(), size.encodedListChars(),
          (double) size.diJsonBytes() / size.encodedListChars(), (double) size.vcJwtBytes() / size.encodedListChars()));
    }
    out.append("(encodedList: GZIP then base64url of the 16,384-byte bitstring; the JWT carries it base64url-encoded"
        + " once more)\n");
  }

  static void rebuildSection(StringBuilder out, StatusListBuilds.Result result) {
    out.append(String.format(Locale.ROOT,
        "%d timed rebuilds per list after %d untimed, each in its own transaction with its commit; encode: %d after %d%n",
        result.repetitions(), result.repetitions() / 2, result.repetitions() * 10, result.repetitions() * 5));
    out.append(String.format(Locale.ROOT, "%-18s %12s %12s %14s %14s %14s%n", "bits set", "rebuild ms", "encode ms",
        "rebuild/encode", "info: read ms", "info: build ms"));
    for (StatusListBuilds.Timing t : result.timings()) {
      out.append(String.format(Locale.ROOT, "%-18s %12.2f %12.3f %12.1f x %14.2f %14.2f%n", bitsSet(t.set()),
          t.rebuild() / 1000, t.encode() / 1000, t.rebuild() / t.encode(), t.readIndexes() / 1000, t.build() / 1000));
    }
    out.append(String.format(Locale.ROOT, "%-18s %20s %20s%n", "info: raw deflate", "level 9",
        "level 6 (as encoded)"));
    for (StatusListBuilds.Timing t : result.timings()) {
      out.append(String.format(Locale.ROOT, "%-18s %20s %20s%n", bitsSet(t.set()), deflated(t.best()),
          deflated(t.standard())));
    }
    out.append("rebuild: PublishStatusList.rebuild (read the set indexes, bits, encode, build, sign as vc+jwt and with an"
        + " eddsa-rdfc-2022 proof, store both)\n");
    out.append("encode: EncodedList.encode of the same bits alone (GZIP level 6, base64url); info: read ="
        + " the set-index query alone, build = bits + StatusListCredentialBuilder.build (unsigned)\n");
  }

  private static String deflated(StatusListBuilds.Deflated d) {
    return String.format(Locale.ROOT, "%.3f ms, %,d B", d.micros() / 1000, d.bytes());
  }

  private static String bitsSet(int set) {
    return String.format(Locale.ROOT, "%,d (%.0f %%)", set, 100.0 * set / EmbeddedIssuer.LIST_SIZE);
  }
}
