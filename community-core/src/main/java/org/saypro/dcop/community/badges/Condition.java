package org.saypro.dcop.community.badges;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.saypro.dcop.community.events.EventTypes;

/**
 * What a learner must have done for a badge rule, over their community events. Every kind is monotone (more events
 * never turn "met" into "not met"), which is what lets the evaluator look only at windows ending at an event.
 */
public sealed interface Condition {

  int MAX_CHILDREN = 10;
  int MAX_MONTHS = 120;

  /** The event types the condition reads: only these are loaded for it. */
  Set<String> eventTypes();

  /**
   * At least {@code atLeast} events of the type, within {@code withinMonths} (ever, when empty), in the working
   * group when one is named.
   */
  record CountAtLeast(String eventType, int atLeast, OptionalInt withinMonths, Optional<String> group)
      implements Condition {
    public CountAtLeast {
      leaf(eventType, withinMonths, group);
      if (atLeast < 1 || atLeast > 10_000) {
        throw new IllegalArgumentException("atLeast is between 1 and 10000");
      }
    }

    @Override
    public Set<String> eventTypes() {
      return Set.of(eventType);
    }
  }

  /**
   * The numbers in payload field {@code field} of the type's events add up to at least {@code atLeast}, within the
   * window and group (one output of 100 learners reached, or four of 25).
   */
  record ValueAtLeast(String eventType, String field, BigDecimal atLeast, OptionalInt withinMonths,
      Optional<String> group) implements Condition {
    public ValueAtLeast {
      leaf(eventType, withinMonths, group);
      if (field == null || !field.matches("[A-Za-z][A-Za-z0-9_]{0,39}")) {
        throw new IllegalArgumentException("field is a payload field name: a letter, then letters, digits or '_'");
      }
      Objects.requireNonNull(atLeast, "atLeast");
      if (atLeast.signum() <= 0 || atLeast.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
        throw new IllegalArgumentException("atLeast is a number above 0 and at most 10^12");
      }
    }

    @Override
    public Set<String> eventTypes() {
      return Set.of(eventType);
    }
  }

  /** Every one of the conditions. */
  record AllOf(List<Condition> all) implements Condition {
    public AllOf {
      all = children(all);
    }

    @Override
    public Set<String> eventTypes() {
      return union(all);
    }
  }

  /** At least one of the conditions. */
  record AnyOf(List<Condition> any) implements Condition {
    public AnyOf {
      any = children(any);
    }

    @Override
    public Set<String> eventTypes() {
      return union(any);
    }
  }

  static boolean isGroupSlug(String slug) {
    return slug != null && slug.matches("[a-z0-9][a-z0-9-]{0,59}");
  }

  private static void leaf(String eventType, OptionalInt withinMonths, Optional<String> group) {
    if (!EventTypes.ALL.contains(eventType)) {
      throw new IllegalArgumentException("the event type is one of " + new java.util.TreeSet<>(EventTypes.ALL));
    }
    Objects.requireNonNull(withinMonths, "withinMonths");
    if (withinMonths.isPresent() && (withinMonths.getAsInt() < 1 || withinMonths.getAsInt() > MAX_MONTHS)) {
      throw new IllegalArgumentException("withinMonths is between 1 and " + MAX_MONTHS);
    }
    Objects.requireNonNull(group, "group");
    if (group.isPresent() && !isGroupSlug(group.get())) {
      throw new IllegalArgumentException("group is a working group's slug (lower-case letters, digits, '-')");
    }
  }

  private static List<Condition> children(List<Condition> list) {
    List<Condition> copy = List.copyOf(list);
    if (copy.isEmpty() || copy.size() > MAX_CHILDREN) {
      throw new IllegalArgumentException("a combination has 1 to " + MAX_CHILDREN + " conditions");
    }
    return copy;
  }

  private static Set<String> union(List<Condition> conditions) {
    Set<String> types = new LinkedHashSet<>();
    conditions.forEach(c -> types.addAll(c.eventTypes()));
    return Set.copyOf(types);
  }
}
