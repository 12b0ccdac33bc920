package org.saypro.dcop.issuer.credentials;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562, section 5.7): 48 bits of Unix time in milliseconds, then 74 random bits. A credential's
 * UUID keys its row and the rows issued with it; new keys then land at the right-hand end of those indexes instead of
 * on a random page of each (ADR 30).
 */
final class TimeOrderedUuid {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TimeOrderedUuid() {}

  static UUID next(Clock clock) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    long millis = clock.millis();
    long high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
    long low = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
    for (int i = 3; i < 10; i++) {
      low |= (random[i] & 0xFFL) << (8 * (9 - i));
    }
    return new UUID(high, low);
  }
}
