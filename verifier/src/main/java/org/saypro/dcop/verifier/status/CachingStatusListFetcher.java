package org.saypro.dcop.verifier.status;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.saypro.dcop.core.status.FetchStatusList;
import org.saypro.dcop.core.status.HostedStatusLists;
import org.saypro.dcop.verifier.did.GuardedHttpClient;

/**
 * Status lists for the {@code status} check. Lists published here come straight from the store (a revocation is
 * seen at once); others are fetched through the guarded client (public https hosts, bounded time and size) and
 * reused for the configured time to live, so a page of verifications costs one fetch per list. Failures are not
 * cached: the next verification tries again.
 */
public final class CachingStatusListFetcher implements FetchStatusList {

  private static final String ACCEPT = "application/vc+jwt, application/vc;q=0.9, application/json;q=0.8";

  private record Cached(String body, Instant expires) {}

  private final List<HostedStatusLists> hosted;
  private final GuardedHttpClient http;
  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public CachingStatusListFetcher(
      List<HostedStatusLists> hosted, GuardedHttpClient http, Duration ttl, int maxEntries, Clock clock) {
    this.hosted = List.copyOf(hosted);
    this.http = http;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  @Override
  public Fetched fetch(String url) {
    for (HostedStatusLists own : hosted) {
      Optional<String> list = own.find(url);
      if (list.isPresent()) {
        return new Fetched.Found(list.get());
      }
    }
    Instant now = clock.instant();
    Cached cached = cache.get(url);
    if (cached != null && now.isBefore(cached.expires())) {
      return new Fetched.Found(cached.body());
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return new Fetched.Unreachable("not a URL");
    }
    GuardedHttpClient.Fetched fetched = http.fetchText(uri, ACCEPT);
    if (fetched instanceof GuardedHttpClient.Fetched.Refused refused) {
      return new Fetched.Unreachable(refused.reason());
    }
    String body = ((GuardedHttpClient.Fetched.Text) fetched).body();
    if (cache.size() >= maxEntries) {
      cache.entrySet().removeIf(e -> !now.isBefore(e.getValue().expires()));
      if (cache.size() >= maxEntries) {
        cache.clear();
      }
    }
    cache.put(url, new Cached(body, now.plus(ttl)));
    return new Fetched.Found(body);
  }
}
