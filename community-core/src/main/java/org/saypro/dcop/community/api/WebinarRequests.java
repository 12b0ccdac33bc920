package org.saypro.dcop.community.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.community.webinars.Webinar;

/** A scheduling request read into a {@link Webinar}, or 400 naming each offending field. */
final class WebinarRequests {

  private WebinarRequests() {}

  static Webinar schedule(JsonNode body, String group) {
    Fields fields = new Fields(body);
    String kind = fields.text("kind", 20, false).orElse("webinar");
    if (!Webinar.KINDS.contains(kind)) {
      fields.error("kind", "must be webinar or workshop");
    }
    Optional<String> title = fields.text("title", 200, true);
    String description = fields.text("description", 4000, false).orElse("");
    Optional<Instant> start = fields.instant("start", true);
    Optional<Instant> end = fields.instant("end", true);
    Optional<ZoneId> zone = fields.zone("timeZone", true);
    Optional<Integer> capacity = fields.integer("capacity", 1, 100_000, true);
    Optional<URI> join = fields.httpsUrl("joinUrl", false);
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      fields.error("end", "must be after start");
    }
    fields.done("the webinar");
    return new Webinar(UUID.randomUUID(), group, kind, title.get(), description, start.get(), end.get(), zone.get(),
        capacity.get(), join, Optional.empty());
  }
}
