package org.saypro.dcop.issuer.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.issuer.log.LogDatabase;

/**
 * How allocation takes the indexes it drew, on a real PostgreSQL: the n-th credential gets the n-th index unless it is
 * taken, committed or by a transaction still open, and then it gets none and nothing waits.
 */
class TakeStatusIndexIT {

  private static final int SIZE = 131_072;
  private static final StatusListId LIST = new StatusListId(StatusListId.Purpose.REVOCATION, 1);
  @TempDir static Path directory;
  private static LogDatabase database;
  private static StatusStore store;

  @BeforeAll
  static void start() {
    database = LogDatabase.start(directory, 256);
    store = database.context.getBean(StatusStore.class);
    database.transactions.executeWrite(status -> store.createList(LIST, SIZE));
    List<UUID> first = credentials(3);
    assertEquals(Set.copyOf(first), database.transactions.executeWrite(status -> store.take(LIST, new int[] {20, 7,
        SIZE - 1}, first)));
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void givesEachCredentialItsIndexUnlessItIsTaken() {
    List<UUID> credentials = credentials(3);
    Set<UUID> got =
        database.transactions.executeWrite(status -> store.take(LIST, new int[] {500, 20, 501}, credentials));
    assertEquals(Set.of(credentials.get(0), credentials.get(2)), got, "20 is taken: its credential gets none");
    assertEquals(2, database.count("select count(*) from status_entry where list_index in (500, 501)"));
  }

  @Test
  void skipsAnIndexAnOpenTransactionHoldsWithoutWaitingForIt() {
    List<UUID> holder = credentials(1);
    List<UUID> other = credentials(2);
    Set<UUID> otherGot = database.transactions.executeWrite(status -> {
      store.take(LIST, new int[] {900}, holder);
      // another connection, while this transaction holds 900 uncommitted
      return database.transactions.execute(
          io.micronaut.transaction.TransactionDefinition.of(
              io.micronaut.transaction.TransactionDefinition.Propagation.REQUIRES_NEW),
          inner -> store.take(LIST, new int[] {900, 901}, other));
    });
    assertEquals(Set.of(other.get(1)), otherGot);
  }

  @Test
  void readsEveryTakenIndex() {
    int[] taken = database.transactions.executeRead(status -> store.takenIndexes(LIST));
    Arrays.sort(taken);
    assertEquals(database.count("select count(*) from status_entry where list_id = 'revocation-1'"), taken.length);
    assertEquals(7, taken[0]);
    assertEquals(SIZE - 1, taken[taken.length - 1]);
  }

  private static List<UUID> credentials(int count) {
    List<UUID> credentials = Stream.generate(UUID::randomUUID).limit(count).toList();
    database.insertCredentials(credentials.toArray(UUID[]::new));
    return credentials;
  }
}
