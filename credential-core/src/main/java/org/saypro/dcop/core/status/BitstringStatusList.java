package org.saypro.dcop.core.status;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.model.Urls;

/**
 * The subject of a status list credential ({@code type: BitstringStatusList}): the purposes its bits serve (one list
 * may serve several) and the bits as {@code encodedList}, still encoded: decoding costs memory and is bounded by the
 * caller's choice of {@link EncodedList}. {@code ttl} advises when to fetch the list again.
 */
public record BitstringStatusList(
    Optional<String> id, List<String> statusPurpose, String encodedList, Optional<Duration> ttl) {

  public static final String TYPE = "BitstringStatusList";

  public BitstringStatusList {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(encodedList, "encodedList");
    Objects.requireNonNull(ttl, "ttl");
    statusPurpose = List.copyOf(statusPurpose);
    if (statusPurpose.isEmpty() || statusPurpose.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("a status list has one or more non-empty status purposes");
    }
    id.ifPresent(
        value -> {
          if (!Urls.isAbsolute(value)) {
            throw new IllegalArgumentException("the status list id must be an absolute URL: " + value);
          }
        });
    ttl.ifPresent(
        value -> {
          if (value.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative: " + value);
          }
        });
  }
}
