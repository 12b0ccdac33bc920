package org.saypro.dcop.community.impact.web;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.impact.AggregationMethod;
import org.saypro.dcop.community.impact.DataEntry;
import org.saypro.dcop.community.impact.Framework;
import org.saypro.dcop.community.impact.Frameworks;
import org.saypro.dcop.community.impact.Indicator;
import org.saypro.dcop.community.impact.Measure;
import org.saypro.dcop.community.impact.OrgUnit;
import org.saypro.dcop.community.impact.OrgUnits;
import org.saypro.dcop.community.impact.Period;
import org.saypro.dcop.community.impact.Result;
import org.saypro.dcop.community.impact.ValueKey;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Reads the impact tracker's request fields, for the API and the pages alike, naming every field at fault. */
@Singleton
class ImpactForms {

  /** A data value's key with the indicator and unit it names. */
  record Resolved(Indicator indicator, OrgUnit unit, ValueKey key) {}

  private final Frameworks frameworks;
  private final OrgUnits units;

  ImpactForms(Frameworks frameworks, OrgUnits units) {
    this.frameworks = frameworks;
    this.units = units;
  }

  Result addResult(Framework framework, Fields fields) {
    Optional<String> level = fields.text("level", 20, true);
    if (level.isPresent() && !Result.LEVELS.contains(level.get())) {
      fields.error("level", "must be impact, outcome or output");
      level = Optional.empty();
    }
    Optional<String> title = fields.text("title", 300, true);
    Optional<String> parentText = fields.text("parentId", 40, false);
    Optional<Result> parent = parentText.flatMap(p -> {
      try {
        return frameworks.result(UUID.fromString(p)).filter(r -> r.frameworkId().equals(framework.id()));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
    if (parentText.isPresent() && parent.isEmpty()) {
      fields.error("parentId", "the framework has no result with this id");
    }
    if (level.isPresent()) {
      Optional<String> needed = Result.parentLevel(level.get());
      if (needed.isEmpty() && parentText.isPresent()) {
        fields.error("parentId", "an impact has no parent");
      } else if (needed.isPresent() && parent.map(Result::level).filter(needed.get()::equals).isEmpty()) {
        fields.error("parentId", "an " + level.get() + " sits under an " + needed.get());
      }
    }
    fields.done("the result");
    return frameworks.addResult(framework.id(), parent.map(Result::id), level.get(), title.get());
  }

  Indicator addIndicator(Framework framework, Fields fields) {
    Optional<Result> result = fields.text("resultId", 40, true).flatMap(r -> {
      Optional<Result> found;
      try {
        found = frameworks.result(UUID.fromString(r)).filter(x -> x.frameworkId().equals(framework.id()));
      } catch (IllegalArgumentException e) {
        found = Optional.empty();
      }
      if (found.isEmpty()) {
        fields.error("resultId", "the framework has no result with this id");
      }
      return found;
    });
    Optional<String> code = fields.text("code", 40, true);
    if (code.isPresent() && !Indicator.CODE.matcher(code.get()).matches()) {
      fields.error("code", "letters, digits, '.', '_' and '-', starting with a letter or digit, at most 40");
      code = Optional.empty();
    }
    Optional<String> name = fields.text("name", 300, true);
    Optional<Measure> measure = choice(fields, "measure", "unit", Measure::fromLabel, "unit or percentage");
    String unit = fields.text("unit", 50, false).orElse("");
    Optional<String> direction = fields.text("direction", 20, false);
    if (direction.filter(d -> !List.of("ascending", "descending").contains(d)).isPresent()) {
      fields.error("direction", "must be ascending (more is better) or descending (less is better)");
    }
    Optional<AggregationMethod> aggregation = choice(fields, "aggregation", "sum", AggregationMethod::fromLabel,
        "sum, average or latest");
    if (measure.filter(Measure.PERCENTAGE::equals).isPresent()
        && aggregation.filter(AggregationMethod.SUM::equals).isPresent()) {
      fields.error("aggregation", "percentages are averaged, never added up: use average or latest");
    }
    Optional<BigDecimal> baseline = fields.decimal("baseline", false);
    Optional<String> baselineText = fields.text("baselinePeriod", 10, false);
    Optional<Period> baselinePeriod = baselineText.flatMap(p -> period(fields, "baselinePeriod", p));
    if (baseline.isPresent() != baselineText.isPresent()) {
      fields.error("baselinePeriod", "a baseline has both a value and a period");
    }
    Optional<String> auto = fields.text("autoSource", 220, false);
    if (auto.filter(a -> !Indicator.isAutoSource(a)).isPresent()) {
      fields.error("autoSource", "must be webinar-attendance, credentials-issued or project-output:<indicator>");
    }
    fields.done("the indicator");
    Indicator indicator = new Indicator(UUID.randomUUID(), result.get().id(), code.get(), name.get(), measure.get(),
        unit, !direction.filter("descending"::equals).isPresent(), aggregation.get(), baseline, baselinePeriod,
        auto);
    if (!frameworks.addIndicator(indicator)) {
      throw new ProblemException(ProblemType.ALREADY_EXISTS, "an indicator has the code " + code.get());
    }
    return indicator;
  }

  Optional<Indicator> indicatorOf(Framework framework, Fields fields) {
    return fields.text("indicator", 40, true).flatMap(code -> {
      Optional<Indicator> found = frameworks.indicators(framework.id()).stream()
          .filter(i -> i.code().equals(code)).findFirst();
      if (found.isEmpty()) {
        fields.error("indicator", "the framework has no indicator " + code);
      }
      return found;
    });
  }

  Optional<Period> period(Fields fields) {
    return fields.text("period", 10, true).flatMap(p -> period(fields, "period", p));
  }

  Optional<OrgUnit> orgUnit(Fields fields, boolean required) {
    return fields.text("orgUnit", 40, required).flatMap(code -> {
      Optional<OrgUnit> found = units.byCode(code);
      if (found.isEmpty()) {
        fields.error("orgUnit", "no organisation unit has the code " + code);
      }
      return found;
    });
  }

  /** A data value's key from the fields indicator, period, orgUnit and category ("total" when absent). */
  Optional<ValueKey> key(Framework framework, Fields fields) {
    Optional<Indicator> indicator = indicatorOf(framework, fields);
    Optional<Period> period = period(fields);
    Optional<OrgUnit> unit = orgUnit(fields, true);
    String category = fields.text("category", 40, false).orElse(ValueKey.TOTAL);
    boolean categoryOk = ValueKey.CATEGORY.matcher(category).matches();
    if (!categoryOk) {
      fields.error("category", "a stakeholder type or total: lower-case letters, digits, - and _");
    }
    if (indicator.isEmpty() || period.isEmpty() || unit.isEmpty() || !categoryOk) {
      return Optional.empty();
    }
    return Optional.of(new ValueKey(indicator.get().code(), period.get(), unit.get().code(), category));
  }

  /** The key named by query parameters: 404 for what does not exist, 400 for what is malformed. */
  Resolved resolve(Framework framework, String indicator, String period, String orgUnit, String category) {
    Indicator found = frameworks.indicators(framework.id()).stream().filter(i -> i.code().equals(indicator))
        .findFirst().orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "the framework has no indicator "
            + indicator));
    Period p = periodParameter("period", period);
    OrgUnit unit = units.byCode(orgUnit).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
        "no organisation unit has the code " + orgUnit));
    String c = category == null || category.isBlank() ? ValueKey.TOTAL : category;
    if (!ValueKey.CATEGORY.matcher(c).matches()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "not a category option: " + c,
          List.of(new FieldError("?category", "a stakeholder type or total")));
    }
    return new Resolved(found, unit, new ValueKey(found.code(), p, unit.code(), c));
  }

  static Period periodParameter(String name, String text) {
    return Period.parse(text).orElseThrow(() -> new ProblemException(ProblemType.INVALID_REQUEST, "not a period: "
        + text, List.of(new FieldError("?" + name, "a period such as 2026, 2026Q1 or 202601"))));
  }

  static Optional<DataEntry.Mode> mode(String mode) {
    String m = mode == null || mode.isEmpty() ? "import" : mode;
    switch (m) {
      case "import":
        return Optional.of(DataEntry.Mode.IMPORT);
      case "import-valid":
        return Optional.of(DataEntry.Mode.IMPORT_VALID);
      case "validate":
        return Optional.of(DataEntry.Mode.VALIDATE);
      default:
        return Optional.empty();
    }
  }

  private static Optional<Period> period(Fields fields, String name, String text) {
    Optional<Period> period = Period.parse(text);
    if (period.isEmpty()) {
      fields.error(name, "a period such as 2026, 2026Q1 or 202601");
    }
    return period;
  }

  private static <T> Optional<T> choice(Fields fields, String name, String fallback,
      java.util.function.Function<String, Optional<T>> parse, String allowed) {
    String text = fields.text(name, 20, false).orElse(fallback);
    Optional<T> value = parse.apply(text);
    if (value.isEmpty()) {
      fields.error(name, "must be " + allowed);
    }
    return value;
  }
}
