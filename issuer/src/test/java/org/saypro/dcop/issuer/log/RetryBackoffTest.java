package org.saypro.dcop.issuer.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

  @Test
  void doublesFromTheBaseUpToTheCap() {
    assertEquals(Duration.ofSeconds(30), backoff.nominal(1));
    assertEquals(Duration.ofSeconds(60), backoff.nominal(2));
    assertEquals(Duration.ofSeconds(120), backoff.nominal(3));
    assertEquals(Duration.ofSeconds(240), backoff.nominal(4));
    assertEquals(Duration.ofMinutes(5), backoff.nominal(5), "480 s is capped");
    assertEquals(Duration.ofMinutes(5), backoff.nominal(6));
  }

  @Test
  void neverOverflowsAfterManyFailures() {
    for (int failures : new int[] {30, 62, 63, 64, 1_000, Integer.MAX_VALUE}) {
      assertEquals(Duration.ofMinutes(5), backoff.nominal(failures), "after " + failures);
      assertEquals(Duration.ofMinutes(5), backoff.delay(failures, 0));
    }
    RetryBackoff tiny = new RetryBackoff(Duration.ofMillis(1), Duration.ofDays(365));
    assertEquals(Duration.ofMillis(1L << 20), tiny.nominal(21));
    assertEquals(Duration.ofDays(365), tiny.nominal(100));
  }

  @Test
  void jitterOnlyShortensAndStaysWithinTwentyPercent() {
    for (int failures = 1; failures <= 8; failures++) {
      Duration nominal = backoff.nominal(failures);
      assertEquals(nominal, backoff.delay(failures, 0.0), "no jitter at 0");
      Duration shortest = backoff.delay(failures, Math.nextDown(1.0));
      assertTrue(shortest.compareTo(nominal.multipliedBy(80).dividedBy(100)) >= 0, shortest + " vs " + nominal);
      for (int i = 0; i < 1_000; i++) {
        Duration delay = backoff.delay(failures);
        assertTrue(delay.compareTo(nominal) <= 0, delay + " above " + nominal);
        assertTrue(delay.compareTo(shortest) >= 0, delay + " below " + shortest);
        assertTrue(delay.compareTo(Duration.ofMinutes(5)) <= 0, "the cap holds with jitter");
      }
    }
  }

  @Test
  void delaysGrowStrictlyUntilTheCapWhateverTheJitter() {
    for (int failures = 1; backoff.nominal(failures + 1).compareTo(backoff.max()) < 0; failures++) {
      Duration longestNow = backoff.delay(failures, 0.0);
      Duration shortestNext = backoff.delay(failures + 1, Math.nextDown(1.0));
      assertTrue(shortestNext.toMillis() >= longestNow.toMillis() * 16 / 10,
          "after " + failures + ": " + longestNow + " then at least " + shortestNext);
    }
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofMinutes(5)));
    assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofMinutes(1), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> backoff.nominal(0));
    assertThrows(IllegalArgumentException.class, () -> backoff.delay(1, 1.0));
    assertThrows(IllegalArgumentException.class, () -> backoff.delay(1, -0.1));
  }
}
