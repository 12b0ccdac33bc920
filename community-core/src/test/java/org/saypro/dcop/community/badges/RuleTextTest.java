package org.saypro.dcop.community.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.validation.FieldError;

/** Rules written as YAML: parsed, written back the same, and refused field by field. */
class RuleTextTest {

  private static final String CI = """
      name: Curriculum Innovation regular
      trigger: webinar.attended
      badge: CI-REGULAR
      when:
        allOf:
          - {count: webinar.attended, atLeast: 3, withinMonths: 12, group: curriculum-innovation}
          - anyOf:
              - {sum: project.output-reported, field: value, atLeast: 100.5}
              - {count: answer.accepted, atLeast: 2}
      """;

  @Test
  void aRuleReadsAndWritesBack() {
    RuleDefinition rule = assertInstanceOf(RuleText.Parsed.Valid.class, RuleText.parseYaml(CI)).rule();
    assertEquals("CI-REGULAR", rule.badge());
    Condition.AllOf all = assertInstanceOf(Condition.AllOf.class, rule.condition());
    assertEquals(new Condition.CountAtLeast("webinar.attended", 3, java.util.OptionalInt.of(12),
        java.util.Optional.of("curriculum-innovation")), all.all().get(0));
    assertEquals(rule, ((RuleText.Parsed.Valid) RuleText.parseYaml(RuleText.yaml(rule))).rule());
    assertEquals(rule, ((RuleText.Parsed.Valid) RuleText.parse(RuleText.tree(rule))).rule());
  }

  @Test
  void everyBadFieldIsNamed() {
    String bad = """
        name: ""
        trigger: webinar.attended
        badge: CI-REGULAR
        colour: blue
        when:
          allOf:
            - {count: webinar.watched, atLeast: 3}
            - {count: webinar.attended, atLeast: 0, withinMonths: 500}
            - {sum: project.output-reported, atLeast: many}
        """;
    List<String> pointers = assertInstanceOf(RuleText.Parsed.Invalid.class, RuleText.parseYaml(bad)).errors()
        .stream().map(FieldError::pointer).toList();
    assertEquals(List.of("/colour", "/name", "/when/allOf/0/count", "/when/allOf/1/withinMonths",
        "/when/allOf/2/field", "/when/allOf/2/atLeast"), pointers);
  }

  @Test
  void theTriggerMustBeCountedAndTextMustBeYaml() {
    String trigger = CI.replace("trigger: webinar.attended", "trigger: resource.published");
    assertEquals("/trigger", ((RuleText.Parsed.Invalid) RuleText.parseYaml(trigger)).errors().get(0).pointer());
    assertInstanceOf(RuleText.Parsed.Invalid.class, RuleText.parseYaml("name: [unclosed"));
    assertInstanceOf(RuleText.Parsed.Invalid.class, RuleText.parseYaml("a: &a [1]\nb: [*a, *a, *a, *a, *a, *a, *a,"
        + " *a, *a, *a, *a, *a]"));
    String deep = "name: n\ntrigger: answer.accepted\nbadge: B\nwhen: {allOf: [{allOf: [{allOf: [{allOf: [{allOf:"
        + " [{count: answer.accepted, atLeast: 1}]}]}]}]}]}";
    assertEquals("/when/allOf/0/allOf/0/allOf/0/allOf/0",
        ((RuleText.Parsed.Invalid) RuleText.parseYaml(deep)).errors().get(0).pointer());
  }
}
