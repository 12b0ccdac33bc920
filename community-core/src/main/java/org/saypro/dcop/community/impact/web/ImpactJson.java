package org.saypro.dcop.community.impact.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.saypro.dcop.community.impact.DataEntry;
import org.saypro.dcop.community.impact.DataValue;
import org.saypro.dcop.community.impact.Framework;
import org.saypro.dcop.community.impact.Indicator;
import org.saypro.dcop.community.impact.OrgUnit;
import org.saypro.dcop.community.impact.Result;
import org.saypro.dcop.community.impact.ValueKey;
import org.saypro.dcop.core.json.Json;

/** The impact tracker's JSON shapes. */
final class ImpactJson {

  private ImpactJson() {}

  static ObjectNode orgUnit(OrgUnit u) {
    return Json.newObject().put("id", u.id().toString()).put("code", u.code()).put("name", u.name())
        .put("level", u.level()).put("parentId", u.parentId().map(Object::toString).orElse(null))
        .put("organisationId", u.organisationId().map(Object::toString).orElse(null));
  }

  static ObjectNode framework(Framework f, List<Result> results, List<Indicator> indicators) {
    ObjectNode json = Json.newObject().put("id", f.id().toString()).put("title", f.title())
        .put("projectId", f.projectId().map(Object::toString).orElse(null));
    ArrayNode r = json.putArray("results");
    results.forEach(x -> r.add(result(x)));
    ArrayNode i = json.putArray("indicators");
    indicators.forEach(x -> i.add(indicator(x)));
    return json;
  }

  static ObjectNode result(Result r) {
    return Json.newObject().put("id", r.id().toString()).put("level", r.level()).put("title", r.title())
        .put("parentId", r.parentId().map(Object::toString).orElse(null));
  }

  static ObjectNode indicator(Indicator i) {
    ObjectNode json = Json.newObject().put("id", i.id().toString()).put("resultId", i.resultId().toString())
        .put("code", i.code()).put("name", i.name()).put("measure", i.measure().label()).put("unit", i.unit())
        .put("direction", i.ascending() ? "ascending" : "descending").put("aggregation", i.aggregation().label());
    i.baseline().ifPresent(b -> json.put("baseline", b));
    i.baselinePeriod().ifPresent(p -> json.put("baselinePeriod", p.id()));
    i.autoSource().ifPresent(a -> json.put("autoSource", a));
    return json;
  }

  static ObjectNode value(DataValue v) {
    ObjectNode json = Json.newObject().put("indicator", v.key().indicator()).put("period", v.key().period().id())
        .put("orgUnit", v.key().orgUnit()).put("category", v.key().category()).put("version", v.version())
        .put("value", v.value()).put("source", v.source()).put("enteredAt", v.enteredAt().toString());
    v.enteredBy().ifPresent(b -> json.put("enteredBy", b));
    return json;
  }

  static String keyQuery(ValueKey key) {
    return "indicator=" + enc(key.indicator()) + "&period=" + key.period().id() + "&orgUnit=" + enc(key.orgUnit())
        + "&category=" + enc(key.category());
  }

  static ObjectNode report(DataEntry.ImportReport report) {
    ObjectNode json = Json.newObject().put("mode", report.mode().name().toLowerCase(java.util.Locale.ROOT)
        .replace('_', '-')).put("rows", report.dataRows()).put("validRows", report.validRows())
        .put("written", report.written());
    ArrayNode errors = json.putArray("errors");
    report.errors().forEach(e -> errors.addObject().put("line", e.line()).put("column", e.column())
        .put("reason", e.reason()));
    return json;
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
