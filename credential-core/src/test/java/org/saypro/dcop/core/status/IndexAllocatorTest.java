package org.saypro.dcop.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IndexAllocatorTest {

  @Test
  void noIndexIsGivenTwice() throws StatusListFullException {
    IndexAllocator allocator = new IndexAllocator(new SplittableRandom(1));
    Set<Long> used = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      long index = allocator.allocate(Bitstring.MIN_ENTRIES, used);
      assertTrue(index >= 0 && index < Bitstring.MIN_ENTRIES, "in range: " + index);
      assertTrue(used.add(index), "index " + index + " given twice, at allocation " + i);
    }
  }

  @Test
  void aListFillsCompletelyAndThenRefuses() throws StatusListFullException {
    IndexAllocator allocator = new IndexAllocator(new SplittableRandom(2));
    Set<Long> used = new HashSet<>();
    for (int i = 0; i < 4_096; i++) {
      used.add(allocator.allocate(4_096, used));
    }
    assertEquals(4_096, used.size(), "every index was handed out once");
    StatusListFullException full = assertThrows(StatusListFullException.class, () -> allocator.allocate(4_096, used));
    assertEquals(4_096, full.length());
    assertTrue(full.getMessage().contains("all 4096 entries"), full.getMessage());
  }

  @Test
  void theLastFreeIndexIsFoundByScanning() throws StatusListFullException {
    long length = 1_000_000;
    AtomicLong asked = new AtomicLong();
    long index = new IndexAllocator(new SplittableRandom(3)).allocate(length, candidate -> {
      asked.incrementAndGet();
      return candidate != 777_777;
    });
    assertEquals(777_777, index);
    assertTrue(asked.get() <= IndexAllocator.RANDOM_ATTEMPTS + length, "one pass at most: " + asked.get());
  }

  @Test
  void aFullListEndsTheSearch() {
    AtomicLong asked = new AtomicLong();
    assertThrows(StatusListFullException.class,
        () -> new IndexAllocator(new SplittableRandom(4)).allocate(10_000, candidate -> {
          asked.incrementAndGet();
          return true;
        }));
    assertEquals(IndexAllocator.RANDOM_ATTEMPTS + 10_000, asked.get());
  }

  @Test
  void aSeedRepeatsTheChoices() throws StatusListFullException {
    assertEquals(choices(42), choices(42));
    assertNotEquals(choices(42), choices(43));
  }

  @Test
  void indexesAreNotHandedOutInOrder() throws StatusListFullException {
    List<Long> chosen = choices(5);
    List<Long> sorted = new ArrayList<>(chosen);
    sorted.sort(null);
    assertNotEquals(sorted, chosen, "sequential indexes would date the credentials");
    double mean = chosen.stream().mapToLong(Long::longValue).average().orElseThrow();
    assertTrue(Math.abs(mean - Bitstring.MIN_ENTRIES / 2.0) < Bitstring.MIN_ENTRIES / 10.0, "spread: " + mean);
  }

  @Test
  void theSecureAllocatorWorks() throws StatusListFullException {
    long index = IndexAllocator.secure().allocate(Bitstring.MIN_ENTRIES, Set.of());
    assertTrue(index >= 0 && index < Bitstring.MIN_ENTRIES);
  }

  @Test
  void anEmptyListIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> IndexAllocator.secure().allocate(0, Set.of()));
  }

  private static List<Long> choices(long seed) throws StatusListFullException {
    IndexAllocator allocator = new IndexAllocator(new SplittableRandom(seed));
    Set<Long> used = new HashSet<>();
    List<Long> chosen = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      long index = allocator.allocate(Bitstring.MIN_ENTRIES, used);
      used.add(index);
      chosen.add(index);
    }
    return chosen;
  }
}
