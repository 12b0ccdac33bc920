package org.saypro.dcop.issuer.status;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * The indexes of one open list that this process knows to be taken: those in the database when it was loaded, and
 * every one drawn since, whether its transaction committed or not. Drawing costs no SQL, and two transactions of this
 * process never draw the same index, so neither waits on the other's uncommitted entry. Another instance of the
 * service may take an index this one thinks free; the primary key refuses the second, and the caller adds what the
 * database holds ({@link #addTaken}) and draws again.
 */
final class TakenIndexes {

  /** Random tries per index before taking the next free one after a random start (once the list is nearly full). */
  private static final int RANDOM_TRIES = 16;

  private final BitSet taken;
  private final int size;
  private int free;

  TakenIndexes(int size, int[] takenInDatabase) {
    if (size < 1) {
      throw new IllegalArgumentException("a list has at least one index");
    }
    this.size = size;
    this.taken = new BitSet(size);
    this.free = size;
    addTaken(takenInDatabase);
  }

  /** Up to {@code count} distinct free indexes, at random, now counted as taken; fewer only when the list runs out. */
  synchronized int[] draw(int count, RandomGenerator random) {
    int[] drawn = new int[Math.min(count, free)];
    for (int k = 0; k < drawn.length; k++) {
      int index = -1;
      for (int attempt = 0; attempt < RANDOM_TRIES && index < 0; attempt++) {
        int candidate = random.nextInt(size);
        index = taken.get(candidate) ? -1 : candidate;
      }
      if (index < 0) {
        index = taken.nextClearBit(random.nextInt(size));
        index = index < size ? index : taken.nextClearBit(0);
      }
      taken.set(index);
      free--;
      drawn[k] = index;
    }
    return drawn;
  }

  synchronized void addTaken(int[] indexes) {
    for (int index : indexes) {
      if (index < 0 || index >= size) {
        throw new IllegalArgumentException("index " + index + " is outside a list of " + size);
      }
      if (!taken.get(index)) {
        taken.set(index);
        free--;
      }
    }
  }

  synchronized int free() {
    return free;
  }
}
