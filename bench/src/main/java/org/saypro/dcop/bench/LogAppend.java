package org.saypro.dcop.bench;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.saypro.dcop.core.log.Checkpoint;
import org.saypro.dcop.core.log.CheckpointVerifier;
import org.saypro.dcop.core.log.CompactRange;
import org.saypro.dcop.core.log.MerkleHash;
import org.saypro.dcop.core.log.NoteCheck;
import org.saypro.dcop.core.log.NoteVerifierKey;
import org.saypro.dcop.issuer.log.AppendToLog;
import org.saypro.dcop.issuer.log.LogOrigin;
import org.saypro.dcop.issuer.log.LogSequencer;

/**
 * Transparency-log append throughput into a real PostgreSQL ({@code --log}): the issuer's own log path against plain
 * batched inserts of rows of the same shape, on the same embedded server, connection pool and transaction manager.
 *
 * <p>The server is the one the app starts by default (zonky embedded PostgreSQL, loopback only), migrated with the
 * issuer's Flyway migrations from the issuer jar. A minimal Micronaut application context ({@link EmbeddedIssuer})
 * holds the issuer module's beans against it, so the log path runs the issuer's classes as the server does. Every
 * path gets the same entries, {@value #BATCH} per transaction, and starts from empty tables:
 *
 * <ul>
 *   <li><b>plain</b> (the baseline): one JDBC batch of inserts per transaction into a scratch table with log_entry's
 *       data columns (32-byte hash, uuid, timestamp, bigserial id; no other index, no foreign key). Informational: the
 *       same rows with the one {@code insert ... select from unnest(...)} statement {@link AppendToLog} uses, and with
 *       one insert statement per row.
 *   <li><b>log append, batched</b>: one {@link AppendToLog#credentials} call per transaction, the synchronous cost an
 *       issuing transaction that stores {@value #BATCH} credentials pays. After each transaction, {@link
 *       LogSequencer#integrateBatch()} runs in its own transaction (advisory lock, pending rows {@code for update skip
 *       locked}, {@link CompactRange} resumed from stored nodes and appended, leaf indexes, subtree nodes and one signed
 *       checkpoint), timed apart: the integration capacity, and with the append the end-to-end figure.
 *   <li><b>log append, one entry per call</b> (informational): {@link AppendToLog#credential} once per entry, as the
 *       single-credential VC API path appends, still {@value #BATCH} calls per transaction so that it compares with the
 *       plain one-statement-per-row line; integrated the same way, untimed.
 * </ul>
 *
 * The log paths' entries reference credential rows (log_entry's foreign key), which are inserted before their clock
 * starts. After each log path the stored tree is checked: no pending entry, one checkpoint per batch, the expected
 * number of nodes, and a latest checkpoint whose signature verifies and whose root is the in-memory root of the same
 * leaves.
 */
final class LogAppend implements AutoCloseable {

  /** Rows per transaction in every path; also the sequencer's batch size (dcop.log.batch-size, 256 in the app). */
  static final int BATCH = 256;

  private final EmbeddedIssuer issuer;
  private final AppendToLog appendToLog;
  private final LogSequencer sequencer;
  private final String origin;
  /** The server line printed with the figures: EmbeddedIssuer's, with shared_buffers. */
  final String serverDescription;

  /** Per-round timings in nanoseconds, each for the same {@code entries}. */
  record Round(
      int entries,
      long plainNanos,
      long plainUnnestNanos,
      long plainPerRowNanos,
      long appendNanos,
      long integrateNanos,
      long appendPerEntryNanos) {

    private double perSecond(long nanos) {
      return entries / (nanos / 1e9);
    }

    /** Baseline: plain inserts, one JDBC batch per transaction. */
    double plainPerSecond() {
      return perSecond(plainNanos);
    }

    /** Plain inserts, one {@code insert ... select from unnest} per transaction. */
    double plainUnnestPerSecond() {
      return perSecond(plainUnnestNanos);
    }

    /** Plain inserts, one statement per row. */
    double plainPerRowPerSecond() {
      return perSecond(plainPerRowNanos);
    }

    /** {@link AppendToLog#credentials}, one call per transaction. */
    double appendPerSecond() {
      return perSecond(appendNanos);
    }

    /** {@link LogSequencer#integrateBatch()} after each batched append. */
    double integratePerSecond() {
      return perSecond(integrateNanos);
    }

    /** Batched append and its integration: entries over the time of both. */
    double endToEndPerSecond() {
      return perSecond(appendNanos + integrateNanos);
    }

    /** {@link AppendToLog#credential}, one call per entry. */
    double appendPerEntryPerSecond() {
      return perSecond(appendPerEntryNanos);
    }
  }

  private LogAppend(EmbeddedIssuer issuer) {
    this.issuer = issuer;
    issuer.execute(
        "create table bench_plain ("
            + " entry_id bigserial primary key,"
            + " data_sha256 bytea not null check (octet_length(data_sha256) = 32),"
            + " credential_uuid uuid,"
            + " created_at timestamptz not null default now())");
    this.serverDescription = issuer.server + ", shared_buffers=" + issuer.setting("shared_buffers");
    this.appendToLog = issuer.bean(AppendToLog.class);
    this.sequencer = issuer.bean(LogSequencer.class);
    this.origin = issuer.bean(LogOrigin.class).value();
    // The scheduled sequencer's first run comes 1 s after start; let it find the log empty before any round.
    sleep(1500);
  }

  static LogAppend start() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("dcop.log.batch-size", BATCH);
    // The benchmark calls integrateBatch() itself; the scheduled sequencer must not take batches from it.
    settings.put("dcop.log.sequence-interval", "24h");
    EmbeddedIssuer issuer = EmbeddedIssuer.start("dcop-bench-log-", settings);
    try {
      return new LogAppend(issuer);
    } catch (RuntimeException e) {
      issuer.close();
      throw e;
    }
  }

  /** The statement of the plain path: a JDBC batch of these, or (informational) one per row. */
  private static final String PLAIN_INSERT =
      "insert into bench_plain (data_sha256, credential_uuid, created_at) values (?, ?, ?)";

  /** The informational plain line with AppendToLog's statement shape: one insert from unnest, in list order. */
  private static final String PLAIN_UNNEST =
      "insert into bench_plain (data_sha256, credential_uuid, created_at)"
          + " select v.data_sha256, v.credential_uuid, v.created_at"
          + " from unnest(?::bytea[], ?::uuid[], ?::text[]::timestamptz[]) with ordinality"
          + " as v(data_sha256, credential_uuid, created_at, position)"
          + " order by v.position";

  /** The timed paths of a round, in their forward order. */
  private enum Timed {
    PLAIN, PLAIN_UNNEST, PLAIN_PER_ROW, LOG_BATCHED, LOG_PER_ENTRY
  }

  /**
   * One round of every path on {@code entries} new rows; {@code reversed} runs them in the opposite order, so that no
   * path always runs on the warmer server.
   */
  Round round(int entries, boolean reversed) {
    byte[][] hashes = new byte[entries][];
    UUID[] uuids = new UUID[entries];
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < entries; i++) {
      hashes[i] = new byte[32];
      random.nextBytes(hashes[i]);
      uuids[i] = UUID.randomUUID();
    }
    List<Timed> order = new ArrayList<>(List.of(Timed.values()));
    if (reversed) {
      java.util.Collections.reverse(order);
    }
    Map<Timed, long[]> nanos = new java.util.EnumMap<>(Timed.class);
    for (Timed path : order) {
      nanos.put(
          path,
          switch (path) {
            case PLAIN -> new long[] {plainPath(hashes, uuids, PlainMode.JDBC_BATCH)};
            case PLAIN_UNNEST -> new long[] {plainPath(hashes, uuids, PlainMode.UNNEST)};
            case PLAIN_PER_ROW -> new long[] {plainPath(hashes, uuids, PlainMode.PER_ROW)};
            case LOG_BATCHED -> logPath(hashes, uuids, true);
            case LOG_PER_ENTRY -> logPath(hashes, uuids, false);
          });
    }
    return new Round(
        entries, nanos.get(Timed.PLAIN)[0], nanos.get(Timed.PLAIN_UNNEST)[0], nanos.get(Timed.PLAIN_PER_ROW)[0],
        nanos.get(Timed.LOG_BATCHED)[0], nanos.get(Timed.LOG_BATCHED)[1], nanos.get(Timed.LOG_PER_ENTRY)[0]);
  }

  private enum PlainMode {
    JDBC_BATCH, UNNEST, PER_ROW
  }

  /** Plain inserts of the entries into the scratch table, {@value #BATCH} per transaction; returns the nanos. */
  private long plainPath(byte[][] hashes, UUID[] uuids, PlainMode mode) {
    reset();
    long start = System.nanoTime();
    for (int from = 0; from < hashes.length; from += BATCH) {
      int first = from;
      int end = Math.min(hashes.length, from + BATCH);
      issuer.transactions.executeWrite(status -> {
        Connection connection = status.getConnection();
        if (mode == PlainMode.UNNEST) {
          try (PreparedStatement insert = connection.prepareStatement(PLAIN_UNNEST)) {
            String[] times = new String[end - first];
            for (int i = 0; i < times.length; i++) {
              times[i] = Instant.now().toString();
            }
            insert.setArray(1, connection.createArrayOf("bytea", Arrays.copyOfRange(hashes, first, end)));
            insert.setArray(2, connection.createArrayOf("uuid", Arrays.copyOfRange(uuids, first, end)));
            insert.setArray(3, connection.createArrayOf("text", times));
            return insert.executeUpdate();
          }
        }
        try (PreparedStatement insert = connection.prepareStatement(PLAIN_INSERT)) {
          for (int i = first; i < end; i++) {
            insert.setBytes(1, hashes[i]);
            insert.setObject(2, uuids[i]);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            if (mode == PlainMode.JDBC_BATCH) {
              insert.addBatch();
            } else {
              insert.executeUpdate();
            }
          }
          return mode == PlainMode.JDBC_BATCH ? insert.executeBatch().length : end - first;
        }
      });
    }
    long elapsed = System.nanoTime() - start;
    long rows = issuer.number("select count(*) from bench_plain");
    if (rows != hashes.length) {
      throw new IllegalStateException("plain path (" + mode + ") stored " + rows + " rows, not " + hashes.length);
    }
    return elapsed;
  }

  /**
   * The log path, {@value #BATCH} entries per append transaction: one {@link AppendToLog#credentials} call ({@code
   * batched}) or one {@link AppendToLog#credential} call per entry; {@link LogSequencer#integrateBatch()} after each
   * transaction. Returns {append nanos, integrate nanos}.
   */
  private long[] logPath(byte[][] hashes, UUID[] uuids, boolean batched) {
    reset();
    insertCredentials(uuids);
    long append = 0;
    long integrate = 0;
    for (int from = 0; from < hashes.length; from += BATCH) {
      int first = from;
      int end = Math.min(hashes.length, from + BATCH);
      long t0 = System.nanoTime();
      issuer.transactions.executeWrite(status -> {
        if (batched) {
          List<AppendToLog.Entry> entries = new ArrayList<>(end - first);
          for (int i = first; i < end; i++) {
            entries.add(new AppendToLog.Entry(uuids[i], hashes[i], Instant.now()));
          }
          appendToLog.credentials(entries);
        } else {
          for (int i = first; i < end; i++) {
            appendToLog.credential(uuids[i], hashes[i], Instant.now());
          }
        }
        return null;
      });
      long t1 = System.nanoTime();
      int integrated = sequencer.integrateBatch();
      long t2 = System.nanoTime();
      if (integrated != end - first) {
        throw new IllegalStateException(
            "integrateBatch() integrated " + integrated + " entries, not " + (end - first)
                + ": did the scheduled sequencer run?");
      }
      append += t1 - t0;
      integrate += t2 - t1;
    }
    checkTree(hashes);
    return new long[] {append, integrate};
  }

  /** The stored log must be exactly the tree of these entries, in order, with a valid signed checkpoint. */
  private void checkTree(byte[][] hashes) {
    long n = hashes.length;
    long pending = issuer.number("select count(*) from log_entry where leaf_index is null");
    long checkpoints = issuer.number("select count(*) from log_checkpoint");
    long nodes = issuer.number("select count(*) from log_node");
    long expectedCheckpoints = (n + BATCH - 1) / BATCH;
    // Each append stores its leaf and one node per level it completes: 2n - popcount(n) nodes in all.
    long expectedNodes = 2 * n - Long.bitCount(n);
    if (pending != 0 || checkpoints != expectedCheckpoints || nodes != expectedNodes) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT, "log after %d entries: %d pending (want 0), %d checkpoints (want %d), %d nodes (want %d)",
              n, pending, checkpoints, expectedCheckpoints, nodes, expectedNodes));
    }
    CompactRange range = CompactRange.empty();
    for (byte[] hash : hashes) {
      range = range.append(MerkleHash.leaf(hash)).range();
    }
    String note =
        issuer.transactions.executeRead(status -> {
          try (Statement statement = status.getConnection().createStatement();
              ResultSet row =
                  statement.executeQuery("select signed_note from log_checkpoint order by tree_size desc limit 1")) {
            row.next();
            return row.getString(1);
          }
        });
    NoteCheck<Checkpoint> checked =
        new CheckpointVerifier(NoteVerifierKey.parse(sequencer.verifierKey()), origin).verify(note);
    if (!(checked instanceof NoteCheck.Verified<Checkpoint> verified)
        || verified.value().size() != n
        || !verified.value().root().equals(range.root())) {
      throw new IllegalStateException("the latest checkpoint is not the signed root of the appended entries: " + checked);
    }
  }

  private void insertCredentials(UUID[] uuids) {
    for (int from = 0; from < uuids.length; from += BATCH) {
      List<UUID> batch = Arrays.asList(uuids).subList(from, Math.min(uuids.length, from + BATCH));
      issuer.transactions.executeWrite(status -> {
        EmbeddedIssuer.insertCredentials(status.getConnection(), batch);
        return null;
      });
    }
    issuer.admin("analyze credential");
  }

  /**
   * Empty tables and dirty pages written, so that each timed phase starts alike. No {@code vacuum analyze}: truncated
   * tables have unknown statistics, as on a new install. With log_entry analyzed while empty, the sequencer's {@code
   * update log_entry set leaf_index = ? where entry_id = ?} ran as a sequential scan of the whole table for every
   * entry, so each batch took longer than the one before (in one trial, integration fell to about 1,300 entries/s over
   * 25,600 entries).
   */
  private void reset() {
    issuer.execute(
        "truncate log_anchor, log_checkpoint, log_node, log_entry, status_change, status_entry, status_list,"
            + " idempotency_key, credential, bench_plain"
            // cascade: tables added later that point at credential are emptied too, instead of failing the truncate
            + " restart identity cascade");
    issuer.admin("checkpoint");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The measured rounds, and which server and schema they ran on. */
  record Result(String server, List<Round> rounds) {}

  /**
   * A warmup round (not reported) of {@code warmupEntries}, then {@code rounds} measured rounds of {@code entries},
   * alternating which path goes first.
   */
  static Result measure(int entries, int rounds, int warmupEntries, PrintStream progress) {
    try (LogAppend bench = start()) {
      String server = bench.serverDescription + "; " + bench.issuer.migrations;
      progress.println("# log append: " + server);
      if (warmupEntries > 0) {
        progress.println("# log append warmup: " + describe(bench.round(warmupEntries, false)));
      }
      List<Round> measured = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        Round round = bench.round(entries, r % 2 == 1);
        measured.add(round);
        progress.println("# log append round " + (r + 1) + "/" + rounds + ": " + describe(round));
      }
      return new Result(server, measured);
    }
  }

  static String describe(Round round) {
    return String.format(
        Locale.ROOT,
        "%,d entries: plain %,.0f/s (unnest %,.0f/s, per row %,.0f/s); log append batched %,.0f/s (per entry %,.0f/s),"
            + " integrate %,.0f/s, end to end %,.0f/s; append batched / plain %.2f x, end to end / plain %.2f x",
        round.entries(), round.plainPerSecond(), round.plainUnnestPerSecond(), round.plainPerRowPerSecond(),
        round.appendPerSecond(), round.appendPerEntryPerSecond(), round.integratePerSecond(),
        round.endToEndPerSecond(), round.appendPerSecond() / round.plainPerSecond(),
        round.endToEndPerSecond() / round.plainPerSecond());
  }

  @Override
  public void close() {
    issuer.close();
  }
}
