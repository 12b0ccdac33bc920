package org.saypro.dcop.community.badges;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.users.User;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * An organisation's badge rules: writing them (an edit of a version something was awarded under adds a version),
 * the dry run, the backfill, revoking an award, and members' progress. Authorisation is the callers' (Authorizer).
 */
@Singleton
public class BadgeRules {

  /** Who would qualify now. */
  public record Qualifier(UUID userId, String email, String displayName, int events, boolean awarded) {}

  /** A rule as one member sees it. */
  public record MemberProgress(StoredRule rule, String badgeTitle, List<Progress> steps, Optional<BadgeAward> award) {}

  private final BadgeRuleStore store;
  private final RuleIndex index;
  private final BadgeAwarding awarding;
  private final FindBadge badges;
  private final RevokeBadge revocation;
  private final UserStore users;
  private final AuditLog audit;
  private final TransactionOperations<Connection> transactions;

  BadgeRules(BadgeRuleStore store, RuleIndex index, BadgeAwarding awarding, FindBadge badges, RevokeBadge revocation,
      UserStore users, AuditLog audit, TransactionOperations<Connection> transactions) {
    this.store = store;
    this.index = index;
    this.awarding = awarding;
    this.badges = badges;
    this.revocation = revocation;
    this.users = users;
    this.audit = audit;
    this.transactions = transactions;
  }

  public StoredRule create(Organisation organisation, RuleDefinition definition, String actor) {
    requireBadge(organisation, definition);
    UUID id = UUID.randomUUID();
    StoredRule rule = transactions.executeWrite(status -> {
      store.insertRule(id, organisation.id(), definition, actor);
      audited(actor, organisation, "badge-rule.created", id, 1);
      return store.current(id).orElseThrow();
    });
    index.refresh();
    return rule;
  }

  /** Replaces the current version, or adds one when the current version is locked by an award. */
  public StoredRule edit(Organisation organisation, UUID ruleId, RuleDefinition definition, String actor) {
    requireBadge(organisation, definition);
    StoredRule rule = transactions.executeWrite(status -> {
      StoredRule current = store.lockCurrent(ruleId).filter(r -> r.organisationId().equals(organisation.id()))
          .orElseThrow(() -> notFound(ruleId));
      if (current.definition().equals(definition)) {
        return current;
      }
      if (current.locked()) {
        store.insertVersion(ruleId, current.version() + 1, definition, actor);
      } else {
        store.replaceVersion(ruleId, current.version(), definition);
      }
      StoredRule edited = store.current(ruleId).orElseThrow();
      audited(actor, organisation, "badge-rule.edited", ruleId, edited.version());
      return edited;
    });
    index.refresh();
    return rule;
  }

  public List<StoredRule> list(Organisation organisation) {
    return transactions.executeRead(status -> store.current(Optional.of(organisation.id())));
  }

  public StoredRule find(Organisation organisation, UUID ruleId) {
    return transactions.executeRead(status -> store.current(ruleId))
        .filter(r -> r.organisationId().equals(organisation.id())).orElseThrow(() -> notFound(ruleId));
  }

  public List<StoredRule> versions(StoredRule rule) {
    return transactions.executeRead(status -> store.versions(rule.id()));
  }

  public List<BadgeAward> awards(StoredRule rule) {
    return transactions.executeRead(status -> store.awards(rule.id()));
  }

  public List<Long> evidence(BadgeAward award) {
    return transactions.executeRead(status -> store.fulfilments(award.id()));
  }

  /** Who meets the rule now, awarded or not; writes nothing. */
  public List<Qualifier> dryRun(StoredRule rule) {
    return transactions.executeRead(status -> {
      Set<UUID> awarded = store.awards(rule.id()).stream().map(BadgeAward::userId).collect(Collectors.toSet());
      List<UUID> candidates = new ArrayList<>(store.candidates(rule.id(), rule.definition().condition().eventTypes()));
      candidates.addAll(awarded);
      Instant now = Instant.now();
      List<Qualifier> qualifiers = new ArrayList<>();
      for (UUID user : candidates) {
        List<CommunityEvent> events = store.events(user, rule.definition().condition().eventTypes());
        if (Evaluator.evaluate(rule.definition().condition(), events, now) instanceof Evaluation.Met met) {
          User member = users.byId(user).orElseThrow();
          qualifiers.add(new Qualifier(user, member.email(), member.displayName(), met.satisfying().size(),
              awarded.contains(user)));
        }
      }
      return qualifiers;
    });
  }

  /** Awards the rule to everyone who meets it and does not have it, telling nobody by email; how many. */
  public int backfill(Organisation organisation, StoredRule rule, String actor) {
    int awarded = awardMissing(rule, false);
    transactions.executeWrite(status -> {
      audit.record(actor, Optional.of(organisation.id()), "badge-rule.backfilled", Optional.of(rule.id().toString()),
          AuditEvent.Outcome.SUCCESS, Json.newObject().put("awarded", awarded));
      return null;
    });
    return awarded;
  }

  /**
   * Awards the rule to each member who meets it and lacks it, each member in a transaction of their own (one that
   * cannot be issued does not undo the others).
   */
  int awardMissing(StoredRule rule, boolean notify) {
    List<UUID> candidates = transactions.executeRead(
        status -> store.candidates(rule.id(), rule.definition().condition().eventTypes()));
    int awarded = 0;
    Instant now = Instant.now();
    for (UUID user : candidates) {
      awarded += transactions.executeWrite(status -> awarding.awardIfMet(
          rule, user, store.events(user, rule.definition().condition().eventTypes()), notify, now)) ? 1 : 0;
    }
    return awarded;
  }

  /** Revokes an award's credential through its status list, with the reason, and marks the award revoked. */
  public BadgeAward revoke(Organisation organisation, StoredRule rule, UUID user, String actor, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "give a reason of 1 to 500 characters",
          List.of(new FieldError("/reason", "is 1 to 500 characters")));
    }
    return transactions.executeWrite(status -> {
      BadgeAward award = store.award(rule.id(), user).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
          "no award of rule " + rule.id() + " to member " + user));
      if (award.revokedAt().isPresent()) {
        return award;
      }
      revocation.revoke(award.credential().orElseThrow(), actor, reason.strip());
      store.markRevoked(award.id(), reason.strip());
      return store.award(rule.id(), user).orElseThrow();
    });
  }

  /** Every current rule as the member stands towards it. */
  public List<MemberProgress> progress(UUID user) {
    List<StoredRule> rules = index.all();
    if (rules.isEmpty()) {
      return List.of();
    }
    Set<String> types = new HashSet<>();
    rules.forEach(r -> types.addAll(r.definition().condition().eventTypes()));
    return transactions.executeRead(status -> {
      Map<UUID, BadgeAward> awarded = rules.stream().map(r -> store.award(r.id(), user)).flatMap(Optional::stream)
          .collect(Collectors.toMap(BadgeAward::ruleId, Function.identity()));
      List<CommunityEvent> events = store.events(user, types);
      Instant now = Instant.now();
      return rules.stream().map(rule -> new MemberProgress(rule,
          badges.title(rule.organisationId(), rule.definition().badge()).orElse(rule.definition().badge()),
          Progress.of(rule.definition().condition(), events, now), Optional.ofNullable(awarded.get(rule.id()))))
          .toList();
    });
  }

  private void requireBadge(Organisation organisation, RuleDefinition definition) {
    if (transactions.executeRead(status -> badges.title(organisation.id(), definition.badge())).isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the rule's badge is not in the catalogue",
          List.of(new FieldError("/badge", organisation.slug() + "'s catalogue has no qualification "
              + definition.badge())));
    }
  }

  private void audited(String actor, Organisation organisation, String action, UUID rule, int version) {
    audit.record(actor, Optional.of(organisation.id()), action, Optional.of(rule.toString()),
        AuditEvent.Outcome.SUCCESS, Json.newObject().put("version", version));
  }

  private static ProblemException notFound(UUID rule) {
    return new ProblemException(ProblemType.NOT_FOUND, "no badge rule " + rule + " here");
  }
}
