package org.saypro.dcop.core.status;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.random.RandomGenerator;

/**
 * Picks a free index of a status list at random, as the specification asks: sequential indexes would tell a verifier
 * when a credential was issued and roughly how many were. The caller keeps the record of indexes in use; this class
 * only chooses. Not thread-safe when the random generator is not.
 */
public final class IndexAllocator {

  /**
   * Random draws before falling back to a scan. A list is almost never this full: at 90% use, 64 draws all miss
   * about once in 850 allocations.
   */
  static final int RANDOM_ATTEMPTS = 64;

  private final RandomGenerator random;

  /** {@code random} decides every choice: pass a seeded generator to repeat them in tests. */
  public IndexAllocator(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  public static IndexAllocator secure() {
    return new IndexAllocator(new SecureRandom());
  }

  /** A free index of a list of {@code length} entries, where {@code inUse} tells which are taken. */
  public long allocate(long length, LongPredicate inUse) throws StatusListFullException {
    if (length < 1) {
      throw new IllegalArgumentException("a status list has at least one entry, not " + length);
    }
    for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
      long candidate = random.nextLong(length);
      if (!inUse.test(candidate)) {
        return candidate;
      }
    }
    // Nearly full: walk once around the list from a random start, so the search ends even when nothing is free.
    long start = random.nextLong(length);
    for (long step = 0; step < length; step++) {
      long candidate = step < length - start ? start + step : step - (length - start);
      if (!inUse.test(candidate)) {
        return candidate;
      }
    }
    throw new StatusListFullException(length);
  }

  public long allocate(long length, Set<Long> inUse) throws StatusListFullException {
    return allocate(length, inUse::contains);
  }
}
