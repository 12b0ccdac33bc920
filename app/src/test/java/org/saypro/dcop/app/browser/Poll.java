package org.saypro.dcop.app.browser;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what the browser does on its own time (navigations, downloads), failing the test after a limit. */
final class Poll {

  private Poll() {}

  static void until(BooleanSupplier condition, Duration limit, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + limit.toSeconds() + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }
}
