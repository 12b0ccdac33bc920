package org.saypro.dcop.community.webinars;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A scheduled session of a working group. Start and end are instants; the zone is the one it was scheduled in, kept
 * for display and for the calendar's TZID (an instant alone loses "10:00 in Johannesburg" across DST changes).
 */
public record Webinar(UUID id, String groupSlug, String kind, String title, String description, Instant startsAt,
    Instant endsAt, ZoneId zone, int capacity, Optional<URI> joinUrl, Optional<URI> recordingUrl) {

  public static final Set<String> KINDS = Set.of("webinar", "workshop");

  public Webinar {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(groupSlug, "groupSlug");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind must be webinar or workshop");
    }
    if (title == null || title.isBlank() || title.length() > 200) {
      throw new IllegalArgumentException("title must have 1 to 200 characters");
    }
    Objects.requireNonNull(description, "description");
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a webinar ends after it starts");
    }
    Objects.requireNonNull(zone, "zone");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    Objects.requireNonNull(joinUrl, "joinUrl");
    Objects.requireNonNull(recordingUrl, "recordingUrl");
  }

  public int scheduledMinutes() {
    return (int) Duration.between(startsAt, endsAt).toMinutes();
  }
}
