package org.saypro.dcop.issuer.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.issuer.log.LogDatabase;

/**
 * The scan that allocation falls back to when random draws keep hitting taken indexes: the first free index from a
 * start, wrapping round the end of the list, on a real PostgreSQL.
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
    for (int index : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20, SIZE - 2, SIZE - 1}) {
      UUID credential = UUID.randomUUID();
      database.insertCredentials(credential);
      database.transactions.executeWrite(status -> store.tryAllocate(LIST, index, credential));
    }
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void findsTheFirstGapFromTheStartAndWrapsAroundTheEnd() {
    assertEquals(OptionalInt.of(10), free(5));
    assertEquals(OptionalInt.of(10), free(10));
    assertEquals(OptionalInt.of(21), free(20));
    assertEquals(OptionalInt.of(SIZE - 3), free(SIZE - 3));
    assertEquals(OptionalInt.of(10), free(SIZE - 2), "past the end, it wraps to the first gap");
    Boolean takenAgain = database.transactions.executeWrite(status -> store.tryAllocate(LIST, 20, UUID.randomUUID()));
    assertTrue(!takenAgain, "a taken index is never given twice");
  }

  private static OptionalInt free(int start) {
    return database.transactions.executeRead(status -> store.freeIndex(LIST, SIZE, start));
  }
}
