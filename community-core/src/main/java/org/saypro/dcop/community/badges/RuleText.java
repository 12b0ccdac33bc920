package org.saypro.dcop.community.badges;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.saypro.dcop.core.validation.FieldError;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Rules as text: the YAML an admin writes or imports, and the same shape as JSON (the API and the database). One
 * parser for both, naming every offending field by its JSON pointer:
 *
 * <pre>
 * name: Curriculum Innovation regular
 * trigger: webinar.attended
 * badge: CI-REGULAR
 * when:
 *   allOf:
 *     - {count: webinar.attended, atLeast: 3, withinMonths: 12, group: curriculum-innovation}
 *     - {sum: project.output-reported, field: value, atLeast: 100}
 * </pre>
 */
public final class RuleText {

  public static final int MAX_CHARS = 20_000;

  /** A definition, or what is wrong with the text. */
  public sealed interface Parsed {
    record Valid(RuleDefinition rule) implements Parsed {}

    record Invalid(List<FieldError> errors) implements Parsed {
      public Invalid {
        errors = List.copyOf(errors);
      }
    }
  }

  private RuleText() {}

  public static Parsed parseYaml(String text) {
    if (text == null || text.isBlank()) {
      return invalid("/", "write the rule (name, trigger, badge, when)");
    }
    if (text.length() > MAX_CHARS) {
      return invalid("/", "a rule is at most " + MAX_CHARS + " characters");
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(MAX_CHARS * 2);
    try {
      return parse(new Yaml(new SafeConstructor(options)).load(text));
    } catch (YAMLException e) {
      String message = e.getMessage() == null ? "not YAML" : e.getMessage();
      return invalid("/", "not valid YAML: " + (message.length() > 300 ? message.substring(0, 300) : message));
    }
  }

  /** A tree of maps, lists and scalars, from YAML or from JSON. */
  public static Parsed parse(Object tree) {
    List<FieldError> errors = new ArrayList<>();
    if (!(tree instanceof Map<?, ?> map)) {
      return invalid("/", "a rule is a mapping with name, trigger, badge and when");
    }
    unknownKeys(map, Set.of("name", "trigger", "badge", "when"), "", errors);
    String name = text(map, "name", "", errors);
    String trigger = text(map, "trigger", "", errors);
    String badge = text(map, "badge", "", errors);
    Condition condition = condition(map.get("when"), "/when", 1, errors);
    if (!errors.isEmpty()) {
      return new Parsed.Invalid(errors);
    }
    try {
      return new Parsed.Valid(new RuleDefinition(name, trigger, condition, badge));
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("trigger") ? "/trigger" : e.getMessage().startsWith("badge")
          ? "/badge" : e.getMessage().startsWith("name") ? "/name" : "/when";
      return invalid(field, e.getMessage());
    }
  }

  public static Map<String, Object> tree(RuleDefinition rule) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", rule.name());
    map.put("trigger", rule.trigger());
    map.put("badge", rule.badge());
    map.put("when", tree(rule.condition()));
    return map;
  }

  public static String yaml(RuleDefinition rule) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    return new Yaml(new Representer(options), options).dump(tree(rule));
  }

  private static Object tree(Condition condition) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (condition instanceof Condition.CountAtLeast count) {
      map.put("count", count.eventType());
      map.put("atLeast", count.atLeast());
      window(map, count.withinMonths(), count.group());
    } else if (condition instanceof Condition.ValueAtLeast value) {
      map.put("sum", value.eventType());
      map.put("field", value.field());
      map.put("atLeast", value.atLeast().scale() <= 0 ? value.atLeast().toBigInteger() : value.atLeast());
      window(map, value.withinMonths(), value.group());
    } else {
      map.put(condition instanceof Condition.AllOf ? "allOf" : "anyOf",
          RuleDefinition.children(condition).stream().map(RuleText::tree).toList());
    }
    return map;
  }

  private static void window(Map<String, Object> map, OptionalInt months, Optional<String> group) {
    months.ifPresent(m -> map.put("withinMonths", m));
    group.ifPresent(g -> map.put("group", g));
  }

  private static Condition condition(Object node, String at, int depth, List<FieldError> errors) {
    if (!(node instanceof Map<?, ?> map)) {
      errors.add(new FieldError(at, "a condition is a mapping: count, sum, allOf or anyOf"));
      return null;
    }
    if (depth > RuleDefinition.MAX_DEPTH) {
      errors.add(new FieldError(at, "conditions nest at most " + RuleDefinition.MAX_DEPTH + " deep"));
      return null;
    }
    int size = errors.size();
    try {
      if (map.containsKey("allOf") || map.containsKey("anyOf")) {
        String key = map.containsKey("allOf") ? "allOf" : "anyOf";
        unknownKeys(map, Set.of(key), at, errors);
        if (!(map.get(key) instanceof List<?> list) || list.isEmpty() || list.size() > Condition.MAX_CHILDREN) {
          errors.add(new FieldError(at + "/" + key, "a list of 1 to " + Condition.MAX_CHILDREN + " conditions"));
          return null;
        }
        List<Condition> children = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          children.add(condition(list.get(i), at + "/" + key + "/" + i, depth + 1, errors));
        }
        if (errors.size() > size) {
          return null;
        }
        return key.equals("allOf") ? new Condition.AllOf(children) : new Condition.AnyOf(children);
      }
      boolean sum = map.containsKey("sum");
      if (!sum && !map.containsKey("count")) {
        errors.add(new FieldError(at, "a condition is count, sum, allOf or anyOf"));
        return null;
      }
      unknownKeys(map, sum ? Set.of("sum", "field", "atLeast", "withinMonths", "group")
          : Set.of("count", "atLeast", "withinMonths", "group"), at, errors);
      String type = text(map, sum ? "sum" : "count", at, errors);
      OptionalInt months = map.containsKey("withinMonths")
          ? OptionalInt.of(integer(map.get("withinMonths"), at + "/withinMonths", errors)) : OptionalInt.empty();
      Optional<String> group = map.containsKey("group")
          ? Optional.ofNullable(text(map, "group", at, errors)) : Optional.empty();
      if (sum) {
        String field = text(map, "field", at, errors);
        BigDecimal atLeast = decimal(map.get("atLeast"), at + "/atLeast", errors);
        return errors.size() > size ? null : new Condition.ValueAtLeast(type, field, atLeast, months, group);
      }
      int atLeast = integer(map.get("atLeast"), at + "/atLeast", errors);
      return errors.size() > size ? null : new Condition.CountAtLeast(type, atLeast, months, group);
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("the event type") ? (map.containsKey("sum") ? "/sum" : "/count")
          : pointer(e.getMessage());
      errors.add(new FieldError(at + field, e.getMessage()));
      return null;
    }
  }

  /** The field a record's message is about: each starts with the field's name. */
  private static String pointer(String message) {
    for (String field : List.of("atLeast", "withinMonths", "group", "field")) {
      if (message.startsWith(field)) {
        return "/" + field;
      }
    }
    return "";
  }

  private static String text(Map<?, ?> map, String key, String at, List<FieldError> errors) {
    Object value = map.get(key);
    if (!(value instanceof String s) || s.isBlank()) {
      errors.add(new FieldError(at + "/" + key, "is required text"));
      return null;
    }
    return s.strip();
  }

  private static int integer(Object value, String at, List<FieldError> errors) {
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      long n = ((Number) value).longValue();
      if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
        return (int) n;
      }
    }
    errors.add(new FieldError(at, "is a whole number"));
    return 0;
  }

  private static BigDecimal decimal(Object value, String at, List<FieldError> errors) {
    if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
      return new BigDecimal(n.toString());
    }
    errors.add(new FieldError(at, "is a number"));
    return BigDecimal.ZERO;
  }

  private static void unknownKeys(Map<?, ?> map, Set<String> known, String at, List<FieldError> errors) {
    map.keySet().stream().filter(k -> !known.contains(String.valueOf(k))).limit(10)
        .forEach(k -> errors.add(new FieldError(at + "/" + k, "is not a rule field; use " + new TreeSet<>(known))));
  }

  private static Parsed invalid(String pointer, String message) {
    return new Parsed.Invalid(List.of(new FieldError(pointer, message)));
  }
}
