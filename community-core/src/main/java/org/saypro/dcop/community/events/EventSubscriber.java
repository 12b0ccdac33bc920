package org.saypro.dcop.community.events;

/**
 * Receives community events at least once each, in its own transaction per event: a delivery that throws is tried
 * again later, so {@link #deliver} must be idempotent.
 */
public interface EventSubscriber {

  /** Stable: delivery rows are kept under this name. */
  String name();

  boolean wants(String eventType);

  void deliver(CommunityEvent event);
}
