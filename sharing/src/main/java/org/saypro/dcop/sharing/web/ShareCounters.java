package org.saypro.dcop.sharing.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts page views and verifications in memory and adds them to the database every few seconds: a popular page
 * then costs no write per view and no row lock shared by every visitor. A crash loses at most the last interval's
 * counts, which are statistics, not records.
 */
@Context
class ShareCounters {

  private static final Logger LOG = LoggerFactory.getLogger(ShareCounters.class);

  private final SharingStore store;
  private final Map<UUID, LongAdder[]> pending = new ConcurrentHashMap<>();

  ShareCounters(SharingStore store) {
    this.store = store;
  }

  void viewed(UUID credential) {
    counters(credential)[0].increment();
  }

  void verified(UUID credential) {
    counters(credential)[1].increment();
  }

  @Scheduled(fixedDelay = "${dcop.sharing.count-interval:5s}", initialDelay = "${dcop.sharing.count-interval:5s}")
  void flush() {
    synchronized (store) {
      flushPending();
    }
  }

  @PreDestroy
  void close() {
    flush();
  }

  private void flushPending() {
    if (pending.isEmpty()) {
      return;
    }
    Map<UUID, long[]> counts = new HashMap<>();
    for (UUID credential : pending.keySet()) {
      LongAdder[] adders = pending.remove(credential);
      if (adders != null) {
        counts.put(credential, new long[] {adders[0].sumThenReset(), adders[1].sumThenReset()});
      }
    }
    try {
      store.add(counts);
    } catch (RuntimeException e) {
      LOG.warn("could not store {} credential view and verification count(s); they are dropped: {}", counts.size(),
          e.toString());
    }
  }

  private LongAdder[] counters(UUID credential) {
    return pending.computeIfAbsent(credential, c -> new LongAdder[] {new LongAdder(), new LongAdder()});
  }
}
