package org.saypro.dcop.issuer.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.transaction.exceptions.TransactionUsageException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.log.Checkpoint;
import org.saypro.dcop.core.log.CheckpointVerifier;
import org.saypro.dcop.core.log.CompactRange;
import org.saypro.dcop.core.log.MerkleHash;
import org.saypro.dcop.core.log.NoteCheck;
import org.saypro.dcop.core.log.NoteVerifierKey;

/** Batched log append against a real PostgreSQL: order, integration to the right root, and its transaction rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppendToLogIT {

  /** The sequencer's batch in these tests: N entries span several batches and end in a partial one. */
  private static final int SEQUENCER_BATCH = 128;

  @TempDir static Path directory;
  private LogDatabase database;
  private AppendToLog appendToLog;
  private LogSequencer sequencer;
  private LogStore store;
  private final SecureRandom random = new SecureRandom();

  @BeforeAll
  void start() {
    database = LogDatabase.start(directory, SEQUENCER_BATCH);
    appendToLog = database.bean(AppendToLog.class);
    sequencer = database.bean(LogSequencer.class);
    store = database.bean(LogStore.class);
  }

  @AfterAll
  void stop() {
    database.close();
  }

  @BeforeEach
  void emptyLog() {
    database.reset();
  }

  /** n entries for n stored credentials, with distinct random hashes and times at microsecond precision. */
  private List<AppendToLog.Entry> storedEntries(int n) {
    List<AppendToLog.Entry> entries = new ArrayList<>(n);
    Instant start = Instant.parse("2026-11-23T21:00:00.123456Z");
    UUID[] uuids = new UUID[n];
    for (int i = 0; i < n; i++) {
      uuids[i] = UUID.randomUUID();
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      entries.add(new AppendToLog.Entry(uuids[i], hash, start.plus(i * 1001L, ChronoUnit.MICROS)));
    }
    database.insertCredentials(uuids);
    return entries;
  }

  /** The log's rows in arrival order: credential, hash, time and leaf index (null while pending). */
  private record Row(UUID credential, byte[] hash, Instant at, Long leafIndex) {}

  private static List<Row> rows(java.sql.Connection connection) throws java.sql.SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "select credential_uuid, data_sha256, created_at, leaf_index from log_entry order by entry_id");
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        rows.add(
            new Row(
                result.getObject(1, UUID.class), result.getBytes(2), result.getTimestamp(3).toInstant(),
                (Long) result.getObject(4)));
      }
    }
    return rows;
  }

  private static void assertSameEntries(List<AppendToLog.Entry> entries, List<Row> rows) {
    assertEquals(entries.size(), rows.size());
    for (int i = 0; i < entries.size(); i++) {
      AppendToLog.Entry entry = entries.get(i);
      Row row = rows.get(i);
      assertEquals(entry.credentialUuid(), row.credential(), "entry " + i);
      assertArrayEquals(entry.securedFormSha256(), row.hash(), "entry " + i);
      assertEquals(entry.at(), row.at(), "entry " + i);
    }
  }

  private void integrateAll() {
    while (sequencer.integrateBatch() > 0) {
      // until nothing is pending
    }
  }

  @Test
  void batchedAppendStoresPendingEntriesInOrderAndTheSequencerIntegratesThemToTheirRoot() {
    int n = 300;
    List<AppendToLog.Entry> entries = storedEntries(n);

    List<Row> pending =
        database.transactions.executeWrite(status -> {
          appendToLog.credentials(entries);
          // Inside the appending transaction, before commit: nobody else can have integrated them yet.
          return rows(status.getConnection());
        });
    assertSameEntries(entries, pending);
    pending.forEach(row -> assertNull(row.leafIndex(), "pending until the sequencer runs"));

    integrateAll();

    List<Row> integrated = database.transactions.executeRead(status -> rows(status.getConnection()));
    assertSameEntries(entries, integrated);
    for (int i = 0; i < n; i++) {
      assertEquals(i, integrated.get(i).leafIndex(), "leaf index of entry " + i + ": arrival order");
    }
    CompactRange expected = CompactRange.empty();
    for (AppendToLog.Entry entry : entries) {
      expected = expected.append(MerkleHash.leaf(entry.securedFormSha256())).range();
    }
    LogStore.StoredCheckpoint latest =
        database.transactions.executeRead(status -> store.latestCheckpoint().orElseThrow());
    assertEquals(n, latest.size());
    assertEquals(expected.root(), latest.root());
    NoteCheck<Checkpoint> checked =
        new CheckpointVerifier(NoteVerifierKey.parse(sequencer.verifierKey())).verify(latest.signedNote());
    @SuppressWarnings("unchecked")
    NoteCheck.Verified<Checkpoint> verified = assertInstanceOf(NoteCheck.Verified.class, checked, checked.toString());
    Checkpoint checkpoint = verified.value();
    assertEquals(n, checkpoint.size());
    assertEquals(expected.root(), checkpoint.root());
    assertEquals(2L * n - Long.bitCount(n), database.count("select count(*) from log_node"));
  }

  @Test
  void entriesAreFoundByTheirDataThroughItsHashIndex() {
    List<AppendToLog.Entry> entries = storedEntries(50);
    database.transactions.executeWrite(status -> {
      appendToLog.credentials(entries);
      return null;
    });
    byte[] other = new byte[32];
    random.nextBytes(other);

    database.transactions.executeRead(status -> {
      for (AppendToLog.Entry entry : entries.subList(0, 5)) {
        assertTrue(store.hasEntryForData(entry.securedFormSha256()));
      }
      assertFalse(store.hasEntryForData(other));
      // V42 (ADR 35): the lookup can use the index, and the index is a hash index
      try (var statement = status.getConnection().createStatement()) {
        statement.execute("set local enable_seqscan = off");
        try (ResultSet plan = statement.executeQuery(
            "explain select 1 from log_entry where data_sha256 = '\\x" + HexFormat.of().formatHex(other) + "'")) {
          StringBuilder text = new StringBuilder();
          while (plan.next()) {
            text.append(plan.getString(1)).append('\n');
          }
          assertTrue(text.toString().contains("log_entry_data"), text.toString());
        }
        try (ResultSet index = statement.executeQuery(
            "select indexdef from pg_indexes where indexname = 'log_entry_data'")) {
          assertTrue(index.next());
          assertTrue(index.getString(1).contains("USING hash (data_sha256)"), index.getString(1));
        }
      }
      return null;
    });
  }

  @Test
  void singleAndBatchedAppendsShareOneArrivalOrder() {
    List<AppendToLog.Entry> entries = storedEntries(5);
    database.transactions.executeWrite(status -> {
      AppendToLog.Entry first = entries.get(0);
      appendToLog.credential(first.credentialUuid(), first.securedFormSha256(), first.at());
      appendToLog.credentials(entries.subList(1, 4));
      return null;
    });
    database.transactions.executeWrite(status -> {
      AppendToLog.Entry last = entries.get(4);
      appendToLog.credential(last.credentialUuid(), last.securedFormSha256(), last.at());
      appendToLog.credentials(List.of());
      return null;
    });
    assertSameEntries(entries, database.transactions.executeRead(status -> rows(status.getConnection())));
    integrateAll();
    List<Row> integrated = database.transactions.executeRead(status -> rows(status.getConnection()));
    for (int i = 0; i < entries.size(); i++) {
      assertEquals(i, integrated.get(i).leafIndex());
    }
  }

  @Test
  void twoEntriesNeverShareALeafIndexWhilePendingOnesHaveNone() {
    List<AppendToLog.Entry> entries = storedEntries(3);
    database.transactions.executeWrite(status -> {
      appendToLog.credentials(entries);
      return null;
    });
    integrateAll();
    java.sql.SQLException refused = assertThrows(java.sql.SQLException.class,
        () -> database.transactions.executeWrite(status -> {
      try (PreparedStatement duplicate = status.getConnection().prepareStatement(
          "update log_entry set leaf_index = 0 where leaf_index = 1")) {
        return duplicate.executeUpdate();
      }
    }));
    assertEquals("23505", refused.getSQLState(), "the unique index over integrated entries (V39): " + refused);
    List<AppendToLog.Entry> pending = storedEntries(2);
    database.transactions.executeWrite(status -> {
      appendToLog.credentials(pending);
      return null;
    });
    assertEquals(2, database.count("select count(*) from log_entry where leaf_index is null"),
        "any number of pending entries");
  }

  @Test
  void refusesToRunOutsideATransaction() {
    List<AppendToLog.Entry> entries = storedEntries(3);
    assertThrows(TransactionUsageException.class, () -> appendToLog.credentials(entries));
    AppendToLog.Entry one = entries.get(0);
    assertThrows(
        TransactionUsageException.class,
        () -> appendToLog.credential(one.credentialUuid(), one.securedFormSha256(), one.at()));
    assertEquals(0, database.count("select count(*) from log_entry"));
  }

  @Test
  void entriesGoWithTheirTransaction() {
    List<AppendToLog.Entry> entries = storedEntries(10);
    assertThrows(
        IllegalStateException.class,
        () -> database.transactions.executeWrite(status -> {
          appendToLog.credentials(entries);
          throw new IllegalStateException("the issuing transaction fails after the append");
        }));
    assertEquals(0, database.count("select count(*) from log_entry"));
  }
}
