package org.saypro.dcop.community.impact;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How many credentials each organisation issued in a span of time: a port, because issuing lives in the issuer
 * module, which depends on this one (the issuer implements it with a count over its credentials).
 */
public interface IssuedCredentialCounts {

  /** Credentials issued at or after {@code from} and before {@code until}, by issuing organisation's id. */
  Map<UUID, Long> issuedBetween(Instant from, Instant until);
}
