package org.saypro.dcop.issuer.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TakenIndexesTest {

  private final Random random = new Random(42);

  @Test
  void drawsDistinctFreeIndexesUntilNoneIsLeft() {
    TakenIndexes indexes = new TakenIndexes(1_000, new int[] {0, 5, 999});
    Set<Integer> drawn = new HashSet<>();
    while (true) {
      int[] some = indexes.draw(37, random);
      if (some.length == 0) {
        break;
      }
      for (int index : some) {
        assertTrue(drawn.add(index), index + " drawn twice");
      }
    }
    assertEquals(997, drawn.size(), "every free index, the last ones too");
    assertTrue(!drawn.contains(0) && !drawn.contains(5) && !drawn.contains(999));
    assertEquals(0, indexes.free());
  }

  @Test
  void drawsFewerOnlyWhenTheListRunsOut() {
    TakenIndexes indexes = new TakenIndexes(8, new int[] {1, 2, 3});
    assertEquals(4, indexes.draw(4, random).length);
    assertEquals(1, indexes.draw(4, random).length);
    assertEquals(0, indexes.draw(4, random).length);
  }

  @Test
  void learnsWhatOthersTookAndCountsEachIndexOnce() {
    TakenIndexes indexes = new TakenIndexes(10, new int[0]);
    indexes.addTaken(new int[] {1, 2, 2, 3});
    indexes.addTaken(new int[] {3, 4});
    assertEquals(6, indexes.free());
    int[] rest = indexes.draw(10, random);
    Arrays.sort(rest);
    assertEquals(Arrays.toString(new int[] {0, 5, 6, 7, 8, 9}), Arrays.toString(rest));
    assertThrows(IllegalArgumentException.class, () -> indexes.addTaken(new int[] {10}));
  }

  @Test
  void spreadsDrawsOverTheWholeList() {
    // a position must say nothing of when a credential was issued: draws in a list half full land in every part of it
    int size = 131_072;
    TakenIndexes indexes = new TakenIndexes(size, IntStream.range(0, size / 2).map(i -> 2 * i).toArray());
    int[] perEighth = new int[8];
    for (int index : indexes.draw(8_000, random)) {
      assertEquals(1, index % 2, "only free indexes");
      perEighth[index / (size / 8)]++;
    }
    for (int count : perEighth) {
      assertTrue(count > 850 && count < 1150, Arrays.toString(perEighth));
    }
  }
}
