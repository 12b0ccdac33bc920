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
 * purpose, no index is given twice (also to concurrent calls), a list that fills up part way through a call is
 * closed and the rest go to the next list, and a list is not closed while a fair share of it is free.
 */
class AllocateStatusIT {

  private static final int SIZE = 131_072;
  private static final JsonNode PLAIN = Json.parse("{\"type\": [\"VerifiableCredential\"]}");
  private static final JsonNode BADGE = Json.parse("{\"type\": [\"VerifiableCredential\", \"OpenBadgeCredential\"]}");
  @TempDir static Path directory;
  private static LogDatabase database;
  private static AllocateStatus allocate;

  @BeforeAll
  static void start() {
    database = LogDatabase.start(directory, 256);
    allocate = database.context.getBean(AllocateStatus.class);
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @BeforeEach
  void empty() {
    execute("truncate status_change, status_entry, status_list, credential restart identity cascade");
  }

  @Test
  void concurrentCallsNeverShareAnIndex() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int call = 0; call < 16; call++) {
        calls.add(pool.submit(() -> allocate(credentials(250), PLAIN)));
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

  @Test
  void aListMoreThanFifteenSixteenthsFullIsClosedAndItsLastFreeIndexesStayUnused() {
    allocate(credentials(1), BADGE);
    fillAllBut(30, "revocation-1");

    List<JsonNode> statuses = allocate(credentials(100), BADGE);

    assertEquals(100, statuses.size());
    long first = statuses.stream().filter(s -> s.get("statusListCredential").asText().endsWith("/revocation-1")).count();
    long next = statuses.stream().filter(s -> s.get("statusListCredential").asText().endsWith("/revocation-2")).count();
    assertEquals(100, first + next);
    // random draws may still land on one of the 30 before the list is judged full; finding them all would take a
    // search of the whole list
    assertTrue(first <= 5, first + " of the last 30 free indexes taken");
    assertEquals(1, database.count(
        "select count(*) from status_list where list_id = 'revocation-1' and full_since is not null"));
    assertEquals(SIZE - 30 + first, database.count("select count(*) from status_entry where list_id = 'revocation-1'"));
    assertEquals(SIZE + next - 30 + first, database.count("select count(distinct (list_id, list_index)) from status_entry"));
  }

  @Test
  void aListFourFifthsFullStaysOpenWhileCredentialsArriveOneByOne() {
    allocate(credentials(1), BADGE);
    String open = "revocation-1";
    fillAllBut(SIZE / 5, open);

    for (int i = 0; i < 40; i++) {
      List<JsonNode> statuses = allocate(credentials(1), BADGE);
      assertTrue(statuses.get(0).get("statusListCredential").asText().endsWith("/" + open),
          "credential " + i + " went to " + statuses.get(0).get("statusListCredential"));
    }
    assertEquals(0, database.count(
        "select count(*) from status_list where list_id = '" + open + "' and full_since is not null"));
  }

  /** Takes every free index of {@code list} but {@code left} (the credentials are placeholders: only entries matter). */
  private static void fillAllBut(int left, String list) {
    int taken = (int) database.count("select count(*) from status_entry where list_id = '" + list + "'");
    String fill = "urn:fill:" + list + ":";
    execute("insert into credential (uuid, credential_id, issuer, subject, types, format, secured_form, secured_sha256,"
        + " issued_at) select gen_random_uuid(), '" + fill + "' || i, 'did:web:localhost%3A8080', null,"
        + " '{VerifiableCredential}', 'vc+jwt', 'fill', decode(repeat('00', 32), 'hex'), now()"
        + " from generate_series(1, " + (SIZE - taken - left) + ") as g(i)",
        "insert into status_entry (list_id, list_index, credential_uuid, purpose)"
        + " select '" + list + "', i, c.uuid, 'revocation' from (select uuid, row_number() over () as n"
        + " from credential where credential_id like '" + fill + "%') as c"
        + " join (select i, row_number() over () as n from generate_series(0, " + (SIZE - 1) + ") as g(i)"
        + " where not exists (select 1 from status_entry e where e.list_id = '" + list + "' and e.list_index = i)) as f"
        + " using (n)");
    assertEquals(left, SIZE - database.count("select count(*) from status_entry where list_id = '" + list + "'"));
  }

  private static List<JsonNode> allocate(List<UUID> credentials, JsonNode unsigned) {
    return database.transactions.executeWrite(status -> {
      List<JsonNode> statuses = allocate.statusFor(StatusListId.SERVICE,
          credentials.stream().map(c -> new AllocateStatus.Unissued(c, unsigned)).toList());
      database.insertCredentials(credentials.toArray(UUID[]::new));
      return statuses;
    });
  }

  private static List<UUID> credentials(int count) {
    return Stream.generate(UUID::randomUUID).limit(count).toList();
  }

  private static void execute(String... statements) {
    database.transactions.executeWrite(status -> {
      try (var statement = status.getConnection().createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
      return null;
    });
  }
}
