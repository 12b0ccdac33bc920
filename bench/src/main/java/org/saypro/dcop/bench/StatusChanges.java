package org.saypro.dcop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.status.Bitstring;
import org.saypro.dcop.issuer.status.AllocateStatus;
import org.saypro.dcop.issuer.status.StatusListId;
import org.saypro.dcop.issuer.status.ChangeCredentialStatus;
import org.saypro.dcop.issuer.status.StatusAction;
import org.saypro.dcop.issuer.status.StatusChangeResult;

/**
 * Status changes per second ({@code --status=changes}): revocations on one list of 131,072 entries, through the
 * issuer's {@link ChangeCredentialStatus#change}, against a raw baseline measured in the same rounds on the same
 * credentials:
 *
 * <ul>
 *   <li><b>raw</b>: the change's own SQL, statement for statement and in its order, in one JDBC transaction per
 *       change: lock the credential row, read its entry, lock the list row, read its status, set the bit, insert the
 *       audit row and the log entry (with the statement's SHA-256), read its status again. Everything a change does
 *       except republishing the list, so full / raw is the price of serving a list that is current the moment the
 *       change commits. It takes the same locks, so with several threads it queues on the list just as the real
 *       path does.
 *   <li><b>full</b>: {@code change(uuid, REVOKE, actor, reason)}, which adds the rebuild: read the set indexes, encode
 *       the bitstring, build the credential, sign it as vc+jwt and with an eddsa-rdfc-2022 proof, store both.
 *   <li>info, <b>floor</b>: one {@code update} of the entry's row per transaction: the least a durable change costs.
 * </ul>
 *
 * The credentials (rows as the issuer stores them, entries taken by the issuer's {@link AllocateStatus}) are made
 * once; every path starts from all bits clear and no audit or status log rows, and revokes each credential once.
 */
final class StatusChanges {

  /** Credentials per transaction while preparing. */
  private static final int BATCH = 256;
  private static final JsonNode PLAIN_CREDENTIAL = Json.parse("{\"type\": [\"VerifiableCredential\"]}");

  /** One round of every path with {@code threads} threads; nanoseconds of wall clock per path. */
  record Round(int changes, int threads, long fullNanos, long rawNanos, long floorNanos) {
    double fullPerSecond() {
      return changes / (fullNanos / 1e9);
    }

    double rawPerSecond() {
      return changes / (rawNanos / 1e9);
    }

    double floorPerSecond() {
      return changes / (floorNanos / 1e9);
    }
  }

  /** Rounds on one thread, then rounds on {@code threads} threads. */
  record Result(int changes, int threads, List<Round> single, List<Round> parallel) {}

  private final EmbeddedIssuer issuer;
  private final ChangeCredentialStatus change;
  private final List<UUID> credentials;
  /** The list and index of each credential's revocation entry, as the issuer allocated them. */
  private final Map<UUID, Object[]> revocationEntry;

  private StatusChanges(EmbeddedIssuer issuer, int count) {
    this.issuer = issuer;
    this.change = issuer.bean(ChangeCredentialStatus.class);
    AllocateStatus allocate = issuer.bean(AllocateStatus.class);
    this.credentials = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      credentials.add(UUID.randomUUID());
    }
    for (int from = 0; from < count; from += BATCH) {
      List<UUID> batch = credentials.subList(from, Math.min(count, from + BATCH));
      issuer.transactions.executeWrite(status -> {
        EmbeddedIssuer.insertCredentials(status.getConnection(), batch);
        allocate.statusFor(StatusListId.SERVICE,
            batch.stream().map(uuid -> new AllocateStatus.Unissued(uuid, PLAIN_CREDENTIAL)).toList());
        return null;
      });
    }
    this.revocationEntry = issuer.transactions.executeRead(status -> {
      Map<UUID, Object[]> entries = new HashMap<>();
      try (PreparedStatement query = status.getConnection().prepareStatement(
              "select credential_uuid, list_id, list_index from status_entry where purpose = 'revocation'");
          ResultSet row = query.executeQuery()) {
        while (row.next()) {
          entries.put(row.getObject(1, UUID.class), new Object[] {row.getString(2), row.getInt(3)});
        }
      }
      return entries;
    });
    long lists = revocationEntry.values().stream().map(e -> e[0]).distinct().count();
    if (lists != 1) {
      throw new IllegalStateException("the credentials' revocation entries are in " + lists + " lists, not one");
    }
  }

  /** The one list every revocation here changes. */
  String list() {
    return (String) revocationEntry.values().iterator().next()[0];
  }

  /**
   * A warmup round (not reported) of up to 100 changes, then {@code rounds} rounds on one thread and {@code rounds}
   * on {@code threads} threads, alternating which path goes first.
   */
  static Result measure(EmbeddedIssuer issuer, int changes, int rounds, int threads, PrintStream progress) {
    StatusChanges bench = new StatusChanges(issuer, changes);
    progress.println("# status changes: " + changes + " credentials with entries in " + bench.list());
    int warmup = Math.min(changes, 100);
    progress.println("# status changes warmup: " + describe(bench.round(warmup, 1, false)));
    List<Round> single = new ArrayList<>();
    List<Round> parallel = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      single.add(bench.round(changes, 1, r % 2 == 1));
      progress.println("# status changes round " + (r + 1) + "/" + rounds + ": " + describe(single.get(r)));
      parallel.add(bench.round(changes, threads, r % 2 == 0));
      progress.println("# status changes round " + (r + 1) + "/" + rounds + ": " + describe(parallel.get(r)));
    }
    return new Result(changes, threads, single, parallel);
  }

  static String describe(Round round) {
    return String.format(
        Locale.ROOT, "%,d revocations on %d thread(s): full %,.0f/s, raw %,.0f/s, floor %,.0f/s, full/raw %.3f x",
        round.changes(), round.threads(), round.fullPerSecond(), round.rawPerSecond(), round.floorPerSecond(),
        round.fullPerSecond() / round.rawPerSecond());
  }

  private Round round(int changes, int threads, boolean fullLast) {
    List<UUID> revoked = credentials.subList(0, changes);
    long full = 0;
    long raw;
    long floor;
    if (!fullLast) {
      full = timed(revoked, threads, this::fullChange, Path.FULL);
    }
    raw = timed(revoked, threads, this::rawChange, Path.RAW);
    floor = timed(revoked, threads, this::floorChange, Path.FLOOR);
    if (fullLast) {
      full = timed(revoked, threads, this::fullChange, Path.FULL);
    }
    return new Round(changes, threads, full, raw, floor);
  }

  private interface Change {
    void revoke(UUID credential);
  }

  /** What a path writes besides the bit: audit and log rows (full, raw), and a republished list (full). */
  private enum Path {
    FULL, RAW, FLOOR
  }

  /** Revokes each credential once on {@code threads} threads; checks what was written; returns the wall time. */
  private long timed(List<UUID> revoked, int threads, Change change, Path path) {
    reset();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < revoked.size(); i = next.getAndIncrement()) {
            change.revoke(revoked.get(i));
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("a status change failed", e);
    } finally {
      pool.shutdown();
    }
    long elapsed = System.nanoTime() - start;
    check(revoked, path);
    return elapsed;
  }

  private void fullChange(UUID credential) {
    StatusChangeResult result = change.change(credential, StatusAction.REVOKE, "bench", "benchmark revocation");
    if (!(result instanceof StatusChangeResult.Changed)) {
      throw new IllegalStateException("the revocation of " + credential + " did not change it: " + result);
    }
  }

  private void rawChange(UUID credential) {
    issuer.transactions.executeWrite(status -> {
      Connection sql = status.getConnection();
      String credentialId = one(sql, "select credential_id from credential where uuid = ? for no key update",
          credential);
      entry(sql, credential, "revocation");
      String list = (String) revocationEntry.get(credential)[0];
      int index = (Integer) revocationEntry.get(credential)[1];
      one(sql, "select size from status_list where list_id = ? for update", list);
      entry(sql, credential, "revocation");
      entry(sql, credential, "suspension");
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      try (PreparedStatement update =
          sql.prepareStatement("update status_entry set is_set = ?, changed_at = ? where list_id = ? and list_index = ?")) {
        update.setBoolean(1, true);
        update.setTimestamp(2, Timestamp.from(now));
        update.setString(3, list);
        update.setInt(4, index);
        update.executeUpdate();
      }
      ObjectNode statement = Json.newObject().put("type", "CredentialStatusChange").put("credential", credentialId)
          .put("statusPurpose", "revocation").put("statusListIndex", Integer.toString(index)).put("set", true)
          .put("action", "revoke").put("time", now.toString());
      String text = Json.writeString(statement);
      long changeId;
      try (PreparedStatement insert = sql.prepareStatement(
          "insert into status_change (credential_uuid, purpose, action, actor, reason, statement, changed_at)"
              + " values (?, 'revocation', 'revoke', 'bench', 'benchmark revocation', ?, ?) returning change_id")) {
        insert.setObject(1, credential);
        insert.setString(2, text);
        insert.setTimestamp(3, Timestamp.from(now));
        try (ResultSet row = insert.executeQuery()) {
          row.next();
          changeId = row.getLong(1);
        }
      }
      try (PreparedStatement insert = sql.prepareStatement(
          "insert into log_entry (data_sha256, kind, credential_uuid, status_change_id, created_at)"
              + " values (?, 'status', ?, ?, ?)")) {
        insert.setBytes(1, Json.sha256(text.getBytes(StandardCharsets.UTF_8)));
        insert.setObject(2, credential);
        insert.setLong(3, changeId);
        insert.setTimestamp(4, Timestamp.from(now));
        insert.executeUpdate();
      }
      entry(sql, credential, "revocation");
      entry(sql, credential, "suspension");
      return null;
    });
  }

  private void floorChange(UUID credential) {
    issuer.transactions.executeWrite(status -> {
      try (PreparedStatement update = status.getConnection().prepareStatement(
          "update status_entry set is_set = true, changed_at = now() where list_id = ? and list_index = ?")) {
        update.setString(1, (String) revocationEntry.get(credential)[0]);
        update.setInt(2, (Integer) revocationEntry.get(credential)[1]);
        return update.executeUpdate();
      }
    });
  }

  private static String one(Connection sql, String query, Object key) throws SQLException {
    try (PreparedStatement statement = sql.prepareStatement(query)) {
      statement.setObject(1, key);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no row for " + key + ": " + query);
        }
        return row.getString(1);
      }
    }
  }

  private static void entry(Connection sql, UUID credential, String purpose) throws SQLException {
    try (PreparedStatement statement = sql.prepareStatement(
        "select list_id, list_index, is_set, changed_at from status_entry where credential_uuid = ? and purpose = ?")) {
      statement.setObject(1, credential);
      statement.setString(2, purpose);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
      }
    }
  }

  /**
   * Every credential revoked once: its bit set and, for the audited paths, one audit row and one log entry each; after
   * the full path, both published forms of the list decode to exactly these bits.
   */
  private void check(List<UUID> revoked, Path path) {
    long set = issuer.number("select count(*) from status_entry where is_set and list_id = ?", list());
    long changes = issuer.number("select count(*) from status_change");
    long entries = issuer.number("select count(*) from log_entry where kind = 'status'");
    long expected = path == Path.FLOOR ? 0 : revoked.size();
    if (set != revoked.size() || changes != expected || entries != expected) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "after %d revocations (%s): %d bits set, %d audit rows, %d status log entries", revoked.size(), path, set,
          changes, entries));
    }
    if (path == Path.FULL) {
      Bitstring published = StoredList.read(issuer, list()).bits();
      boolean all = revoked.stream().allMatch(c -> published.get((Integer) revocationEntry.get(c)[1]));
      if (published.countSet() != revoked.size() || !all) {
        throw new IllegalStateException("the published list has " + published.countSet() + " bits set, not the "
            + revoked.size() + " revoked");
      }
    }
  }

  /** All bits clear, no audit rows or status log entries, dead rows vacuumed: each path starts alike. */
  private void reset() {
    issuer.execute(
        "update status_entry set is_set = false, changed_at = null where list_id = '" + list() + "'"
            + " and (is_set or changed_at is not null)",
        "delete from log_entry where kind = 'status'",
        "delete from status_change");
    issuer.admin("vacuum analyze status_entry, status_change, log_entry, status_list");
    issuer.admin("checkpoint");
  }
}
