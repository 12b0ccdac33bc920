package org.saypro.dcop.community.badges;

import java.util.List;
import java.util.Objects;
import org.saypro.dcop.community.events.EventTypes;

/**
 * What an organisation admin writes: a rule's name, the event type that makes it worth evaluating, the condition,
 * and the badge (a qualification code in the organisation's catalogue) it awards.
 */
public record RuleDefinition(String name, String trigger, Condition condition, String badge) {

  public static final int MAX_DEPTH = 4;
  public static final int MAX_LEAVES = 20;

  public RuleDefinition {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name is 1 to 200 characters");
    }
    if (!EventTypes.ALL.contains(trigger)) {
      throw new IllegalArgumentException("trigger is one of " + new java.util.TreeSet<>(EventTypes.ALL));
    }
    Objects.requireNonNull(condition, "condition");
    if (!condition.eventTypes().contains(trigger)) {
      throw new IllegalArgumentException("trigger must be an event type the condition counts, or it never helps");
    }
    if (depth(condition) > MAX_DEPTH || leaves(condition) > MAX_LEAVES) {
      throw new IllegalArgumentException("a condition nests at most " + MAX_DEPTH + " deep with at most " + MAX_LEAVES
          + " counts or sums");
    }
    if (badge == null || !badge.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException("badge is a qualification code: 1 to 40 letters, digits, '.', '_' or '-'");
    }
  }

  static int depth(Condition condition) {
    return 1 + children(condition).stream().mapToInt(RuleDefinition::depth).max().orElse(0);
  }

  static int leaves(Condition condition) {
    List<Condition> children = children(condition);
    return children.isEmpty() ? 1 : children.stream().mapToInt(RuleDefinition::leaves).sum();
  }

  /** A combination's conditions; none for a count or a sum. */
  static List<Condition> children(Condition condition) {
    if (condition instanceof Condition.AllOf all) {
      return all.all();
    }
    return condition instanceof Condition.AnyOf any ? any.any() : List.of();
  }
}
