package org.saypro.dcop.community.badges;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.EventSubscriber;

/**
 * Evaluates, on each event, the rules it triggers for the event's member, and awards those now met. Redelivery is
 * harmless: an awarded rule is skipped, and the award row is unique.
 */
@Singleton
class BadgeRulesSubscriber implements EventSubscriber {

  private final RuleIndex index;
  private final BadgeRuleStore store;
  private final BadgeAwarding awarding;

  BadgeRulesSubscriber(RuleIndex index, BadgeRuleStore store, BadgeAwarding awarding) {
    this.index = index;
    this.store = store;
    this.awarding = awarding;
  }

  @Override
  public String name() {
    return "badge-rules";
  }

  /** Only types some rule is triggered by get deliveries; the nightly re-check covers rules added later. */
  @Override
  public boolean wants(String eventType) {
    return !index.forTrigger(eventType).isEmpty();
  }

  @Override
  public void deliver(CommunityEvent event) {
    List<StoredRule> triggered = index.forTrigger(event.type());
    if (triggered.isEmpty()) {
      return;
    }
    Set<java.util.UUID> awarded = store.awardedRules(event.userId(), triggered.stream().map(StoredRule::id).toList());
    List<StoredRule> open = triggered.stream().filter(r -> !awarded.contains(r.id())).toList();
    if (open.isEmpty()) {
      return;
    }
    Set<String> types = new HashSet<>();
    open.forEach(r -> types.addAll(r.definition().condition().eventTypes()));
    var events = store.events(event.userId(), types);
    Instant now = Instant.now();
    for (StoredRule rule : open) {
      awarding.awardIfMet(rule, event.userId(), events, true, now);
    }
  }
}
