package org.saypro.dcop.community.badges;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The current version of every rule, indexed by trigger type, so that an event touches only the rules it can
 * trigger. Refreshed after every edit made here, and every minute for edits made by other instances (until then
 * those instances evaluate the previous version; the award path re-reads the version it awards under).
 */
@Singleton
public class RuleIndex {

  private record Snapshot(Map<String, List<StoredRule>> byTrigger, List<StoredRule> all) {}

  private final BadgeRuleStore store;
  private final TransactionOperations<Connection> transactions;
  private volatile Snapshot snapshot;

  RuleIndex(BadgeRuleStore store, TransactionOperations<Connection> transactions) {
    this.store = store;
    this.transactions = transactions;
  }

  public List<StoredRule> forTrigger(String eventType) {
    return snapshot().byTrigger().getOrDefault(eventType, List.of());
  }

  public List<StoredRule> all() {
    return snapshot().all();
  }

  @Scheduled(fixedDelay = "${dcop.badges.index-refresh:1m}", initialDelay = "${dcop.badges.index-refresh:1m}")
  public void refresh() {
    List<StoredRule> rules = transactions.executeRead(status -> store.current(Optional.empty()));
    snapshot = new Snapshot(rules.stream().collect(Collectors.groupingBy(r -> r.definition().trigger(),
        Collectors.toUnmodifiableList())), List.copyOf(rules));
  }

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null) {
      refresh();
      current = snapshot;
    }
    return current;
  }
}
