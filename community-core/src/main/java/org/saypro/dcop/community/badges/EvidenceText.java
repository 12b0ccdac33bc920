package org.saypro.dcop.community.badges;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.Optional;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.EventTypes;

/** Tells an event as evidence, from the fields its type carries; unknown or missing fields are left out. */
final class EvidenceText {

  private EvidenceText() {}

  static BadgeEvidence of(CommunityEvent event) {
    String date = event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
    JsonNode payload = event.payload();
    String where = event.groupSlug().map(g -> " in working group " + g).orElse("");
    String narrative;
    String name;
    switch (event.type()) {
      case EventTypes.WEBINAR_ATTENDED -> {
        name = "Webinar attended";
        narrative = "Attended webinar " + text(payload, "title").orElse("(untitled)") + " on " + date
            + text(payload, "minutes").map(m -> " (" + m + " minutes)").orElse("");
      }
      case EventTypes.OUTPUT_REPORTED -> {
        name = "Project output reported";
        narrative = "Reported " + text(payload, "value").orElse("an output")
            + text(payload, "unit").map(u -> " " + u).orElse("")
            + text(payload, "indicator").map(i -> " for " + i).orElse("") + " on " + date;
      }
      case EventTypes.MEMBER_JOINED -> {
        name = "Joined a working group";
        narrative = "Joined" + (where.isEmpty() ? " the community" : where) + " on " + date;
      }
      case EventTypes.RESOURCE_PUBLISHED -> {
        name = "Resource published";
        narrative = "Published " + text(payload, "title").orElse("a resource") + " on " + date;
      }
      default -> {
        name = "Answer accepted";
        narrative = "Gave an accepted answer on " + date;
      }
    }
    return new BadgeEvidence("urn:dcop:community-event:" + event.id(), name,
        clip(event.type() + where + ", " + date, 1000), clip(narrative, 4000));
  }

  private static Optional<String> text(JsonNode payload, String field) {
    JsonNode node = payload.get(field);
    return node == null || node.isNull() || node.isContainerNode() || node.asText().isBlank()
        ? Optional.empty() : Optional.of(clip(node.asText().strip(), 200));
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
