package org.saypro.dcop.community.badges;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.saypro.dcop.community.events.CommunityEvent;

/**
 * Decides a condition over one learner's events; pure, no database. A rule is met when there is a moment at which
 * every window, measured back from that moment, holds enough events. Only moments at which an event happened need
 * trying (conditions are monotone, so sliding a window's end back to the latest event inside it loses nothing), and
 * the answer does not depend on when, or in which order, the events arrived: a late, older event that completes a
 * past window counts as it would have on time. A window includes its start: "within 12 months" of 2026-11-23T10:00Z
 * begins at 2025-11-23T10:00Z exactly.
 */
public final class Evaluator {

  /** Newest first; the id breaks ties so evidence is stable. */
  private static final Comparator<CommunityEvent> NEWEST_FIRST =
      Comparator.comparing(CommunityEvent::occurredAt).thenComparingLong(CommunityEvent::id).reversed();

  private Evaluator() {}

  /** @param now events after this moment are ignored (a clock skewed into the future earns nothing early) */
  public static Evaluation evaluate(Condition condition, List<CommunityEvent> events, Instant now) {
    Set<String> types = condition.eventTypes();
    List<CommunityEvent> relevant = events.stream()
        .filter(e -> types.contains(e.type()) && !e.occurredAt().isAfter(now))
        .sorted(NEWEST_FIRST)
        .toList();
    Instant previous = null;
    for (CommunityEvent anchor : relevant) {
      if (anchor.occurredAt().equals(previous)) {
        continue;
      }
      previous = anchor.occurredAt();
      Optional<List<CommunityEvent>> met = at(condition, relevant, anchor.occurredAt());
      if (met.isPresent()) {
        return new Evaluation.Met(anchor.occurredAt(), met.get());
      }
    }
    return new Evaluation.NotMet();
  }

  /** The events meeting the condition in windows ending at {@code end}; empty when it is not met there. */
  static Optional<List<CommunityEvent>> at(Condition condition, List<CommunityEvent> newestFirst, Instant end) {
    if (condition instanceof Condition.CountAtLeast count) {
      List<CommunityEvent> matching =
          inWindow(newestFirst, count.eventType(), count.group(), count.withinMonths(), end);
      return matching.size() >= count.atLeast()
          ? Optional.of(matching.subList(0, count.atLeast())) : Optional.empty();
    }
    if (condition instanceof Condition.ValueAtLeast value) {
      BigDecimal sum = BigDecimal.ZERO;
      List<CommunityEvent> used = new ArrayList<>();
      for (CommunityEvent e : inWindow(newestFirst, value.eventType(), value.group(), value.withinMonths(), end)) {
        Optional<BigDecimal> number = number(e, value.field());
        if (number.isPresent() && number.get().signum() > 0) {
          sum = sum.add(number.get());
          used.add(e);
          if (sum.compareTo(value.atLeast()) >= 0) {
            return Optional.of(used);
          }
        }
      }
      return Optional.empty();
    }
    boolean all = condition instanceof Condition.AllOf;
    Map<Long, CommunityEvent> union = new LinkedHashMap<>();
    for (Condition child : RuleDefinition.children(condition)) {
      Optional<List<CommunityEvent>> met = at(child, newestFirst, end);
      if (met.isPresent() && !all) {
        return met;
      }
      if (met.isEmpty() && all) {
        return Optional.empty();
      }
      met.ifPresent(list -> list.forEach(e -> union.putIfAbsent(e.id(), e)));
    }
    return all ? Optional.of(union.values().stream().sorted(NEWEST_FIRST).toList()) : Optional.empty();
  }

  /** The events of the type (and group) in the window ending at {@code end}, newest first. */
  static List<CommunityEvent> inWindow(List<CommunityEvent> newestFirst, String type, Optional<String> group,
      OptionalInt withinMonths, Instant end) {
    Instant start = withinMonths.isPresent()
        ? end.atZone(ZoneOffset.UTC).minusMonths(withinMonths.getAsInt()).toInstant() : Instant.MIN;
    return newestFirst.stream()
        .filter(e -> e.type().equals(type) && (group.isEmpty() || group.equals(e.groupSlug())))
        .filter(e -> !e.occurredAt().isAfter(end) && !e.occurredAt().isBefore(start))
        .toList();
  }

  /** A payload field's number: JSON numbers, or text that reads as one; anything else counts for nothing. */
  static Optional<BigDecimal> number(CommunityEvent event, String field) {
    JsonNode node = event.payload().get(field);
    if (node == null) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      return Optional.of(node.decimalValue());
    }
    try {
      return node.isTextual() && node.textValue().length() <= 40
          ? Optional.of(new BigDecimal(node.textValue().strip())) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
