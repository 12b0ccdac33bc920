package org.saypro.dcop.issuer.status;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * @param ttl how long verifiers and caches may reuse a status list ({@code Cache-Control}, and {@code ttl} in it)
 * @param listSize entries per list; the specification's minimum of 131,072 keeps a credential hidden in a herd
 */
@ConfigurationProperties("dcop.status")
public record StatusSettings(Duration ttl, int listSize) {
  public StatusSettings {
    if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("dcop.status.ttl must be between 1 ms and 1 day");
    }
    if (listSize < 131_072 || listSize % 8 != 0 || listSize > 16 * 1024 * 1024) {
      throw new IllegalArgumentException(
          "dcop.status.list-size must be a multiple of 8 between 131072 and 16777216");
    }
  }
}
