package org.saypro.dcop.community.badges;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.EventTypes;

/**
 * How far a learner is towards each count or sum of a condition, as of now ("2 of 3 webinars attended in
 * curriculum-innovation in the last 12 months"); what the learner's badges page shows.
 */
public record Progress(String what, BigDecimal have, BigDecimal need) {

  private static final Map<String, String> NOUNS = Map.of(
      EventTypes.MEMBER_JOINED, "working groups joined", EventTypes.WEBINAR_ATTENDED, "webinars attended",
      EventTypes.OUTPUT_REPORTED, "reported", EventTypes.RESOURCE_PUBLISHED, "resources published",
      EventTypes.ANSWER_ACCEPTED, "answers accepted");

  public boolean done() {
    return have.compareTo(need) >= 0;
  }

  /** "2 of 3 webinars attended in curriculum-innovation in the last 12 months". */
  public String sentence() {
    return have.stripTrailingZeros().toPlainString() + " of " + need.stripTrailingZeros().toPlainString() + " "
        + what;
  }

  public static List<Progress> of(Condition condition, List<CommunityEvent> events, Instant now) {
    List<CommunityEvent> newestFirst = events.stream().filter(e -> !e.occurredAt().isAfter(now))
        .sorted(Comparator.comparing(CommunityEvent::occurredAt).reversed()).toList();
    List<Progress> steps = new ArrayList<>();
    collect(condition, newestFirst, now, steps);
    return List.copyOf(steps);
  }

  private static void collect(Condition condition, List<CommunityEvent> events, Instant now, List<Progress> steps) {
    if (condition instanceof Condition.CountAtLeast count) {
      int have = Evaluator.inWindow(events, count.eventType(), count.group(), count.withinMonths(), now).size();
      steps.add(new Progress(NOUNS.get(count.eventType()) + where(count.group(), count.withinMonths()),
          BigDecimal.valueOf(have), BigDecimal.valueOf(count.atLeast())));
    } else if (condition instanceof Condition.ValueAtLeast value) {
      BigDecimal sum = Evaluator.inWindow(events, value.eventType(), value.group(), value.withinMonths(), now)
          .stream().map(e -> Evaluator.number(e, value.field()).filter(n -> n.signum() > 0).orElse(BigDecimal.ZERO))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      steps.add(new Progress(value.field() + " " + NOUNS.get(value.eventType())
          + where(value.group(), value.withinMonths()), sum, value.atLeast()));
    } else {
      RuleDefinition.children(condition).forEach(child -> collect(child, events, now, steps));
    }
  }

  private static String where(Optional<String> group, OptionalInt months) {
    return group.map(g -> " in " + g).orElse("")
        + (months.isPresent() ? " in the last " + months.getAsInt() + " months" : "");
  }
}
