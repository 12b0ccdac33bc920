package org.saypro.dcop.community.badges;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly re-check: every current rule against every member with events it reads and no award of it yet. It
 * catches what incremental evaluation missed (rules written after their events, a delivery given up on, an index
 * refreshed late). Members hear of these awards as of any other.
 */
@Singleton
public class BadgeReconciliation {

  private static final Logger LOG = LoggerFactory.getLogger(BadgeReconciliation.class);

  private final RuleIndex index;
  private final BadgeRules rules;

  BadgeReconciliation(RuleIndex index, BadgeRules rules) {
    this.index = index;
    this.rules = rules;
  }

  @Scheduled(cron = "${dcop.badges.reconcile-cron:0 30 2 * * *}")
  void nightly() {
    try {
      LOG.info("badge reconciliation awarded {}", reconcile());
    } catch (RuntimeException e) {
      LOG.warn("badge reconciliation failed; it runs again tomorrow: {}", e.toString());
    }
  }

  /** Re-checks every rule; how many badges it awarded. */
  public int reconcile() {
    index.refresh();
    int awarded = 0;
    for (StoredRule rule : index.all()) {
      awarded += rules.awardMissing(rule, true);
    }
    return awarded;
  }
}
