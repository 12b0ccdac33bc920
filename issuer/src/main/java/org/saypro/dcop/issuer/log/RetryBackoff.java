package org.saypro.dcop.issuer.log;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the anchoring worker waits after consecutive failures: {@code base} after the first, doubling with each
 * further one up to {@code max}, less a random jitter of up to {@value #JITTER_PERCENT}% so that instances that failed
 * together do not retry in step. Jitter only ever shortens a delay: {@code max} stays a cap, and a delay still grows
 * strictly (by at least 1.6 times) until it reaches the cap.
 */
final class RetryBackoff {

  static final int JITTER_PERCENT = 20;

  private final Duration base;
  private final Duration max;

  RetryBackoff(Duration base, Duration max) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("dcop.anchor.retry-base must be positive: " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "dcop.anchor.retry-max (" + max + ") must not be below dcop.anchor.retry-base (" + base + ")");
    }
    this.base = base;
    this.max = max;
  }

  Duration base() {
    return base;
  }

  Duration max() {
    return max;
  }

  /** The delay without jitter after {@code failures} consecutive failures (at least 1). */
  Duration nominal(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures start at 1: " + failures);
    }
    int doublings = failures - 1;
    if (doublings >= 62) {
      return max;
    }
    long baseMillis = base.toMillis();
    long factor = 1L << doublings;
    if (baseMillis > max.toMillis() / factor) {
      return max;
    }
    return Duration.ofMillis(baseMillis * factor);
  }

  /** The delay after {@code failures} consecutive failures, jittered with {@code random} in [0, 1). */
  Duration delay(int failures, double random) {
    if (random < 0 || random >= 1) {
      throw new IllegalArgumentException("random must be in [0, 1): " + random);
    }
    long nominal = nominal(failures).toMillis();
    long jitter = (long) (nominal * (JITTER_PERCENT / 100.0) * random);
    return Duration.ofMillis(nominal - jitter);
  }

  /** The delay after {@code failures} consecutive failures, with fresh jitter. */
  Duration delay(int failures) {
    return delay(failures, ThreadLocalRandom.current().nextDouble());
  }
}
