package org.saypro.dcop.community.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.net.URI;
import java.util.UUID;
import java.util.function.Function;
import org.saypro.dcop.community.groups.DirectoryEntry;
import org.saypro.dcop.community.groups.WorkingGroup;
import org.saypro.dcop.community.projects.Project;
import org.saypro.dcop.community.support.Page;
import org.saypro.dcop.community.projects.TimelineEntry;
import org.saypro.dcop.community.webinars.AttendanceReport;
import org.saypro.dcop.community.webinars.ImportOutcome;
import org.saypro.dcop.community.webinars.Webinar;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The JSON shapes of the community API, written in one place so pages and API never drift apart. */
public final class CommunityJson {

  /** Community requests are small: a title, a description, a few links. */
  static final int MAX_JSON_BYTES = 64 * 1024;

  private CommunityJson() {}

  public static JsonNode body(byte[] body) {
    return JsonBodies.readObject(body, MAX_JSON_BYTES);
  }

  public static HttpResponse<String> ok(JsonNode json) {
    return HttpResponse.ok(Json.writeString(json));
  }

  public static HttpResponse<String> created(String location, JsonNode json) {
    return HttpResponse.<String>status(HttpStatus.CREATED).header("Location", location).body(Json.writeString(json));
  }

  /** Puts the list under its name, and the next page's cursor as "next" unless this is the last page. */
  static <T> ObjectNode page(ObjectNode json, String name, Page<T> page, Function<T, JsonNode> item) {
    ArrayNode list = json.putArray(name);
    page.items().forEach(i -> list.add(item.apply(i)));
    page.next().ifPresent(n -> json.put("next", n));
    return json;
  }

  public static UUID uuid(String text, String what) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no " + what + " has the id " + text);
    }
  }

  static ObjectNode group(WorkingGroup g) {
    return Json.newObject().put("slug", g.slug()).put("name", g.name()).put("description", g.description());
  }

  static ObjectNode member(DirectoryEntry e) {
    ObjectNode json = Json.newObject().put("userId", e.userId().toString()).put("displayName", e.displayName())
        .put("coordinator", e.coordinator()).put("joinedAt", e.joinedAt().toString());
    ArrayNode organisations = json.putArray("organisations");
    e.organisations().forEach(organisations::add);
    e.stakeholderType().ifPresent(t -> json.put("stakeholderType", t.code()).put("stakeholderLabel", t.label()));
    return json;
  }

  static ObjectNode webinar(Webinar w) {
    ObjectNode json = Json.newObject().put("id", w.id().toString()).put("group", w.groupSlug()).put("kind", w.kind())
        .put("title", w.title()).put("description", w.description()).put("start", w.startsAt().toString())
        .put("end", w.endsAt().toString()).put("timeZone", w.zone().getId())
        .put("localStart", w.startsAt().atZone(w.zone()).toLocalDateTime().toString())
        .put("capacity", w.capacity());
    w.joinUrl().map(URI::toString).ifPresent(u -> json.put("joinUrl", u));
    w.recordingUrl().map(URI::toString).ifPresent(u -> json.put("recordingUrl", u));
    return json;
  }

  static ObjectNode project(Project p) {
    ObjectNode json = Json.newObject().put("id", p.id().toString()).put("group", p.groupSlug())
        .put("title", p.title()).put("description", p.description()).put("startsOn", p.startsOn().toString())
        .put("status", p.status());
    p.endsOn().ifPresent(e -> json.put("endsOn", e.toString()));
    ArrayNode partners = json.putArray("partners");
    p.partners().forEach(partners::add);
    return json;
  }

  static ObjectNode timelineEntry(TimelineEntry entry) {
    ObjectNode json = Json.newObject().put("date", entry.date().toString()).put("by", entry.byName());
    if (entry instanceof TimelineEntry.Activity a) {
      json.put("type", "activity").put("id", a.id()).put("description", a.description());
    } else if (entry instanceof TimelineEntry.Output o) {
      json.put("type", "output").put("id", o.id()).put("indicator", o.indicator()).put("value", o.value())
          .put("unit", o.unit());
      o.evidence().ifPresent(u -> json.put("evidenceUrl", u.toString()));
    }
    return json;
  }

  static ObjectNode importOutcome(ImportOutcome outcome) {
    ObjectNode json = Json.newObject().put("rows", outcome.dataRows())
        .put("minimumMinutes", outcome.minimumMinutes());
    json.set("attended", people(outcome.attended()));
    json.set("alreadyAttended", people(outcome.alreadyAttended()));
    json.set("belowThreshold", people(outcome.belowThreshold()));
    ArrayNode errors = json.putArray("errors");
    outcome.errors().forEach(e -> errors.addObject().put("line", e.line()).put("column", e.column())
        .put("reason", e.reason()));
    return json;
  }

  private static ArrayNode people(java.util.List<AttendanceReport.Person> people) {
    ArrayNode list = Json.mapper().createArrayNode();
    people.forEach(p -> list.addObject().put("email", p.email()).put("minutes", p.minutes()));
    return list;
  }
}
