package org.saypro.dcop.issuer.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.log.LogDatabase;

/**
 * Allocation of many credentials in one call, on a real PostgreSQL: every credential gets exactly one entry per
 * purpose, no index is given twice (to concurrent calls, nor to two instances of the service sharing the database),
 * and a list that fills up part way through a call is filled to the last index, closed, and the rest go to the next.
 */
class AllocateStatusIT {

  private static final int SIZE = 131_072;
  private static final JsonNode PLAIN = Json.parse("{\"type\": [\"VerifiableCredential\"]}");
  private static final JsonNode BADGE = Json.parse("{\"type\": [\"VerifiableCredential\", \"OpenBadgeCredential\"]}");
  @TempDir static Path directory;
  private static LogDatabase database;
  /** A new one per test, as a freshly started service: the tables are emptied behind the back of the last one. */
  private AllocateStatus allocate;

  @BeforeAll
  static void start() {
    database = LogDatabase.start(directory, 256);
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @BeforeEach
  void empty() {
    execute("truncate status_change, status_entry, status_list, credential restart identity cascade");
    allocate = newInstance();
  }

  @Test
  void concurrentCallsNeverShareAnIndex() throws Exception {
    allocateConcurrently(List.of(allocate));
  }

  @Test
  void twoInstancesSharingTheDatabaseNeverShareAnIndex() throws Exception {
    // each draws from what it knows, so they collide on indexes; the database settles it, without waiting or deadlock
    allocateConcurrently(List.of(allocate, newInstance()));
  }

  @Test
  void aListThatFillsUpPartWayIsFilledClosedAndTheRestGoToTheNext() {
    allocate(credentials(1), BADGE);
    fillAllBut(30, "revocation-1");
    allocate = newInstance(); // started now, it reads which indexes are taken

    List<JsonNode> statuses = allocate(credentials(100), BADGE);

    assertEquals(100, statuses.size());
    assertEquals(30, statuses.stream().filter(s -> s.get("statusListCredential").asText().endsWith("/revocation-1"))
        .count(), "the last free indexes of the first list");
    assertEquals(70, statuses.stream().filter(s -> s.get("statusListCredential").asText().endsWith("/revocation-2"))
        .count(), "the rest in the next list");
    assertEquals(1, database.count(
        "select count(*) from status_list where list_id = 'revocation-1' and full_since is not null"));
    assertEquals(SIZE + 70, database.count("select count(distinct (list_id, list_index)) from status_entry"));
  }

  @Test
  void aListFilledByAnotherInstanceIsLearntFromTheDatabase() {
    allocate(credentials(1), BADGE);
    // this instance knows one index taken; the other instance (here, plain SQL) takes all but 30 of the rest
    fillAllBut(30, "revocation-1");

    List<JsonNode> statuses = allocate(credentials(40), BADGE);

    assertEquals(30, statuses.stream().filter(s -> s.get("statusListCredential").asText().endsWith("/revocation-1"))
        .count());
    assertEquals(SIZE + 10, database.count("select count(distinct (list_id, list_index)) from status_entry"));
  }

  @Test
  void aListFourFifthsFullStaysOpenWhileCredentialsArriveOneByOne() {
    allocate(credentials(1), BADGE);
    fillAllBut(SIZE / 5, "revocation-1");

    for (int i = 0; i < 40; i++) {
      List<JsonNode> statuses = allocate(credentials(1), BADGE);
      assertTrue(statuses.get(0).get("statusListCredential").asText().endsWith("/revocation-1"),
          "credential " + i + " went to " + statuses.get(0).get("statusListCredential"));
    }
    assertEquals(0, database.count("select count(*) from status_list where full_since is not null"));
  }

  private void allocateConcurrently(List<AllocateStatus> instances) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int call = 0; call < 16; call++) {
        AllocateStatus instance = instances.get(call % instances.size());
        calls.add(pool.submit(() -> allocate(instance, credentials(250), PLAIN)));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2 * 16 * 250, database.count("select count(*) from status_entry"));
    assertEquals(16 * 250,
        database.count("select count(distinct credential_uuid) from status_entry where purpose = 'suspension'"));
    assertEquals(2 * 16 * 250, database.count("select count(distinct (list_id, list_index)) from status_entry"));
  }

  /** Takes every free index of {@code list} but {@code left}, as another instance would (only entries matter). */
  private static void fillAllBut(int left, String list) {
    long taken = database.count("select count(*) from status_entry where list_id = '" + list + "'");
    execute("insert into credential (uuid, credential_id, issuer, subject, types, format, secured_form, secured_sha256,"
        + " issued_at) select gen_random_uuid(), 'urn:fill:' || i, 'did:web:localhost%3A8080', null,"
        + " '{VerifiableCredential}', 'vc+jwt', 'fill', decode(repeat('00', 32), 'hex'), now()"
        + " from generate_series(1, " + (SIZE - taken - left) + ") as g(i)",
        "insert into status_entry (list_id, list_index, credential_uuid, purpose)"
        + " select '" + list + "', i, c.uuid, 'revocation' from (select uuid, row_number() over () as n"
        + " from credential where credential_id like 'urn:fill:%') as c"
        + " join (select i, row_number() over () as n from generate_series(0, " + (SIZE - 1) + ") as g(i)"
        + " where not exists (select 1 from status_entry e where e.list_id = '" + list + "' and e.list_index = i)) as f"
        + " using (n)");
    assertEquals(left, SIZE - database.count("select count(*) from status_entry where list_id = '" + list + "'"));
  }

  private List<JsonNode> allocate(List<UUID> credentials, JsonNode unsigned) {
    return allocate(allocate, credentials, unsigned);
  }

  private static List<JsonNode> allocate(AllocateStatus instance, List<UUID> credentials, JsonNode unsigned) {
    return database.transactions.executeWrite(status -> {
      List<JsonNode> statuses = instance.statusFor(StatusListId.SERVICE,
          credentials.stream().map(c -> new AllocateStatus.Unissued(c, unsigned)).toList());
      database.insertCredentials(credentials.toArray(UUID[]::new));
      return statuses;
    });
  }

  private static AllocateStatus newInstance() {
    return new AllocateStatus(database.context.getBean(StatusStore.class),
        database.context.getBean(PublishStatusList.class), database.context.getBean(StatusSettings.class));
  }

  private static List<UUID> credentials(int count) {
    return Stream.generate(UUID::randomUUID).limit(count).toList();
  }

  private static void execute(String... statements) {
    database.transactions.executeWrite(status -> {
      try (java.sql.Statement statement = status.getConnection().createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
      return null;
    });
  }
}
