package org.saypro.dcop.issuer.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.issuer.log.LogDatabase;

/**
 * How allocation takes indexes, on a real PostgreSQL: the n-th free candidate goes to the n-th credential, and taken
 * ones are skipped.
 */
class FreeIndexIT {

  private static final int SIZE = 131_072;
  @TempDir static Path directory;
  private static LogDatabase database;
  private static StatusStore store;
  private static final StatusListId LIST = new StatusListId(StatusListId.Purpose.REVOCATION, 1);

  @BeforeAll
  static void start() {
    database = LogDatabase.start(directory, 256);
    store = database.context.getBean(StatusStore.class);
    database.transactions.executeWrite(status -> {
      store.createList(LIST, SIZE);
      return null;
    });
    int[] taken = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20, SIZE - 2, SIZE - 1};
    List<UUID> credentials = credentials(taken.length);
    Map<UUID, Integer> got = database.transactions.executeWrite(status -> store.take(LIST, taken, credentials));
    assertEquals(taken.length, got.size());
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void givesTheFreeCandidatesInTheirOrderAndNeverATakenIndex() {
    List<UUID> credentials = credentials(3);
    Map<UUID, Integer> got =
        database.transactions.executeWrite(status -> store.take(LIST, new int[] {500, 20, 501, 502}, credentials));
    assertEquals(Map.of(credentials.get(0), 500, credentials.get(1), 501, credentials.get(2), 502), got,
        "20 is taken: the next free candidate goes to the next credential");
    List<UUID> more = credentials(2);
    Map<UUID, Integer> none = database.transactions.executeWrite(status -> store.take(LIST, new int[] {500, 20}, more));
    assertEquals(Map.of(), none, "a taken index is never given twice");
  }

  private static List<UUID> credentials(int count) {
    List<UUID> credentials = java.util.stream.Stream.generate(UUID::randomUUID).limit(count).toList();
    database.insertCredentials(credentials.toArray(UUID[]::new));
    return credentials;
  }
}
