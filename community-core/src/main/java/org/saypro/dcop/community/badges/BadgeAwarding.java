package org.saypro.dcop.community.badges;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.events.CommunityEvent;

/**
 * Awards a rule's badge to a member whose events meet it, at most once. The rule's current version is locked and
 * re-read first (an edit may have replaced what the index evaluated), then the award row is claimed, unique on rule
 * and member, so redelivered or simultaneous events award once; the evidence, the version's lock and the credential
 * commit with the claim, or none of them does.
 */
@Singleton
class BadgeAwarding {

  private final BadgeRuleStore store;
  private final AwardBadge awards;

  BadgeAwarding(BadgeRuleStore store, AwardBadge awards) {
    this.store = store;
    this.awards = awards;
  }

  /** @return true when this call awarded the badge */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public boolean awardIfMet(StoredRule rule, UUID user, List<CommunityEvent> events, boolean notify, Instant now) {
    if (!(Evaluator.evaluate(rule.definition().condition(), events, now) instanceof Evaluation.Met)) {
      return false;
    }
    Optional<StoredRule> current = store.lockCurrent(rule.id());
    if (current.isEmpty()) {
      return false;
    }
    List<CommunityEvent> read = current.get().definition().equals(rule.definition())
        ? events : store.events(user, current.get().definition().condition().eventTypes());
    if (!(Evaluator.evaluate(current.get().definition().condition(), read, now) instanceof Evaluation.Met met)) {
      return false;
    }
    Optional<Long> claimed = store.claimAward(rule.id(), current.get().version(), user, notify);
    if (claimed.isEmpty()) {
      return false;
    }
    store.addFulfilments(claimed.get(), rule.id(), user, met.satisfying());
    store.lockVersion(rule.id(), current.get().version());
    UUID credential = awards.award(current.get().organisationId(), current.get().definition().badge(), user,
        met.satisfying().stream().map(EvidenceText::of).toList(), notify);
    store.setCredential(claimed.get(), credential);
    return true;
  }
}
