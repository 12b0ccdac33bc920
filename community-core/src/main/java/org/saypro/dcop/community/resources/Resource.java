package org.saypro.dcop.community.resources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A library resource's metadata; downloads are the sum over its versions. */
public record Resource(UUID id, String title, String description, ResourceKind kind, String group, List<String> tags,
    String licence, String organisation, UUID authorId, Instant createdAt, Optional<Integer> publishedVersion,
    long downloads) {

  public Resource {
    tags = List.copyOf(tags);
  }

  public boolean published() {
    return publishedVersion.isPresent();
  }
}
