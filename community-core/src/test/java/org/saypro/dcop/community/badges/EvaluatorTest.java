package org.saypro.dcop.community.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.EventTypes;
import org.saypro.dcop.core.json.Json;

/** Each kind of condition, windows at their boundaries, and events in any order; no database. */
class EvaluatorTest {

  private static final UUID LEARNER = UUID.fromString("5b0d7a8e-2f43-4f8e-9d4c-0a1b2c3d4e5f");
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final String CI = "curriculum-innovation";
  private static final Condition THREE_CI_WEBINARS =
      new Condition.CountAtLeast(EventTypes.WEBINAR_ATTENDED, 3, OptionalInt.of(12), Optional.of(CI));

  private static CommunityEvent webinar(long id, String at, String group) {
    return new CommunityEvent(id, EventTypes.WEBINAR_ATTENDED, LEARNER, Optional.of(group), Instant.parse(at),
        Json.newObject().put("title", "Webinar " + id).put("minutes", 60));
  }

  private static CommunityEvent output(long id, String at, Object value) {
    var payload = Json.newObject().put("indicator", "learners-reached");
    if (value instanceof Integer n) {
      payload.put("value", n);
    } else {
      payload.put("value", String.valueOf(value));
    }
    return new CommunityEvent(id, EventTypes.OUTPUT_REPORTED, LEARNER, Optional.empty(), Instant.parse(at), payload);
  }

  private static List<Long> ids(Evaluation evaluation) {
    return assertInstanceOf(Evaluation.Met.class, evaluation).satisfying().stream().map(CommunityEvent::id).toList();
  }

  @Test
  void countAtLeastCountsOnlyTheTypeAndTheGroup() {
    List<CommunityEvent> events = List.of(webinar(1, "2026-01-10T09:00:00Z", CI),
        webinar(2, "2026-03-10T09:00:00Z", "early-childhood"), webinar(3, "2026-05-10T09:00:00Z", CI));
    assertInstanceOf(Evaluation.NotMet.class, Evaluator.evaluate(THREE_CI_WEBINARS, events, NOW));
    List<CommunityEvent> more = new ArrayList<>(events);
    more.add(webinar(4, "2026-09-10T09:00:00Z", CI));
    Evaluation met = Evaluator.evaluate(THREE_CI_WEBINARS, more, NOW);
    assertEquals(List.of(4L, 3L, 1L), ids(met), "the three CI webinars, newest first");
    assertEquals(Instant.parse("2026-09-10T09:00:00Z"), ((Evaluation.Met) met).at());
  }

  @Test
  void aWindowIncludesItsStartExactlyAndNothingBefore() {
    // exactly 12 months before the latest attendance: inside
    List<CommunityEvent> inside = List.of(webinar(1, "2025-11-23T10:00:00Z", CI),
        webinar(2, "2026-05-01T10:00:00Z", CI), webinar(3, "2026-11-23T10:00:00Z", CI));
    assertEquals(List.of(3L, 2L, 1L), ids(Evaluator.evaluate(THREE_CI_WEBINARS, inside, NOW)));
    // one second earlier: outside, and no other window holds all three
    List<CommunityEvent> outside = List.of(webinar(1, "2025-11-23T09:59:59Z", CI),
        webinar(2, "2026-05-01T10:00:00Z", CI), webinar(3, "2026-11-23T10:00:00Z", CI));
    assertInstanceOf(Evaluation.NotMet.class, Evaluator.evaluate(THREE_CI_WEBINARS, outside, NOW));
  }

  @Test
  void theAnswerDoesNotDependOnArrivalOrderOrOnWhenItIsAsked() {
    List<CommunityEvent> events = new ArrayList<>(List.of(webinar(10, "2024-02-01T09:00:00Z", CI),
        webinar(11, "2024-06-01T09:00:00Z", CI), webinar(12, "2024-09-01T09:00:00Z", CI),
        webinar(13, "2026-10-01T09:00:00Z", CI)));
    // three attendances within a past 12-month window: met, even though "now" is two years later
    Evaluation inOrder = Evaluator.evaluate(THREE_CI_WEBINARS, events, NOW);
    Collections.reverse(events);
    assertEquals(ids(inOrder), ids(Evaluator.evaluate(THREE_CI_WEBINARS, events, NOW)));
    assertEquals(List.of(12L, 11L, 10L), ids(inOrder));
  }

  @Test
  void eventsAfterNowAreIgnored() {
    List<CommunityEvent> events = List.of(webinar(1, "2026-06-01T09:00:00Z", CI),
        webinar(2, "2026-07-01T09:00:00Z", CI), webinar(3, "2026-12-01T09:00:00Z", CI));
    assertInstanceOf(Evaluation.NotMet.class, Evaluator.evaluate(THREE_CI_WEBINARS, events, NOW));
  }

  @Test
  void valueAtLeastAddsUpNumbersInThePayload() {
    Condition hundred = new Condition.ValueAtLeast(EventTypes.OUTPUT_REPORTED, "value", new BigDecimal("100"),
        OptionalInt.of(12), Optional.empty());
    List<CommunityEvent> events = List.of(output(1, "2026-02-01T00:00:00Z", 40),
        output(2, "2026-03-01T00:00:00Z", "not a number"), output(3, "2026-04-01T00:00:00Z", "35.5"));
    assertInstanceOf(Evaluation.NotMet.class, Evaluator.evaluate(hundred, events, NOW));
    List<CommunityEvent> more = new ArrayList<>(events);
    more.add(output(4, "2026-05-01T00:00:00Z", 30));
    assertEquals(List.of(4L, 3L, 1L), ids(Evaluator.evaluate(hundred, more, NOW)));
    assertEquals(List.of(5L), ids(Evaluator.evaluate(hundred, List.of(output(5, "2026-06-01T00:00:00Z", 250)),
        NOW)), "one large output is enough");
  }

  @Test
  void allOfNeedsEveryPartAnyOfOne() {
    Condition output = new Condition.ValueAtLeast(EventTypes.OUTPUT_REPORTED, "value", BigDecimal.TEN,
        OptionalInt.empty(), Optional.empty());
    Condition both = new Condition.AllOf(List.of(THREE_CI_WEBINARS, output));
    Condition either = new Condition.AnyOf(List.of(THREE_CI_WEBINARS, output));
    List<CommunityEvent> outputOnly = List.of(output(7, "2026-01-01T00:00:00Z", 12));
    assertInstanceOf(Evaluation.NotMet.class, Evaluator.evaluate(both, outputOnly, NOW));
    assertEquals(List.of(7L), ids(Evaluator.evaluate(either, outputOnly, NOW)));
    List<CommunityEvent> all = List.of(output(7, "2026-01-01T00:00:00Z", 12), webinar(1, "2026-02-01T00:00:00Z", CI),
        webinar(2, "2026-03-01T00:00:00Z", CI), webinar(3, "2026-04-01T00:00:00Z", CI));
    assertEquals(List.of(3L, 2L, 1L, 7L), ids(Evaluator.evaluate(both, all, NOW)));
  }

  @Test
  void progressCountsTowardsEachPart() {
    List<Progress> progress = Progress.of(THREE_CI_WEBINARS,
        List.of(webinar(1, "2026-01-10T09:00:00Z", CI), webinar(2, "2026-05-10T09:00:00Z", CI),
            webinar(3, "2025-01-10T09:00:00Z", CI)), NOW);
    assertEquals("2 of 3 webinars attended in curriculum-innovation in the last 12 months",
        progress.get(0).sentence());
  }
}
