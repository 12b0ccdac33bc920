package org.saypro.dcop.app;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.EventSubscriber;

/**
 * A test double of a subscriber (the badge rules engine stands behind the same interface): it records what the relay
 * delivers, and refuses the next {@link #failNext} deliveries so that retries can be seen.
 */
@Singleton
@Requires(property = "test.community.recording-subscriber", value = "true")
public class RecordingEventSubscriber implements EventSubscriber {

  final List<CommunityEvent> delivered = new CopyOnWriteArrayList<>();
  final AtomicInteger failNext = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();

  @Override
  public String name() {
    return "test-recording";
  }

  @Override
  public boolean wants(String eventType) {
    return true;
  }

  @Override
  public void deliver(CommunityEvent event) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      refused.incrementAndGet();
      throw new IllegalStateException("refused on purpose by the test");
    }
    delivered.add(event);
  }
}
