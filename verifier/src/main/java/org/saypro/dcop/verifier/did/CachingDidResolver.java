package org.saypro.dcop.verifier.did;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.ResolveDid;

/**
 * Reuses resolved DID documents for a bounded time and count. Failures are not cached, so a host that was briefly
 * down is retried on the next verification.
 */
public final class CachingDidResolver implements ResolveDid {

  private record Entry(DidResolution.Resolved resolution, Instant expires) {}

  private final ResolveDid delegate;
  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public CachingDidResolver(ResolveDid delegate, Duration ttl, int maxEntries, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  @Override
  public DidResolution resolve(String did) {
    Instant now = clock.instant();
    Entry entry = entries.get(did);
    if (entry != null && now.isBefore(entry.expires())) {
      return entry.resolution();
    }
    DidResolution resolution = delegate.resolve(did);
    if (resolution instanceof DidResolution.Resolved resolved) {
      if (entries.size() >= maxEntries) {
        evict(now);
      }
      entries.put(did, new Entry(resolved, now.plus(ttl)));
    }
    return resolution;
  }

  private void evict(Instant now) {
    entries.values().removeIf(e -> !now.isBefore(e.expires()));
    Iterator<String> keys = entries.keySet().iterator();
    while (entries.size() >= maxEntries && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }
}
