package org.saypro.dcop.core.status;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Port: when a status bit last changed, as this deployment's transparency log recorded it. Only lists issued here
 * are known; for others the report says only that the bit is set.
 */
@FunctionalInterface
public interface StatusChangeTimes {

  Optional<Recorded> lastChange(String listUrl, long index);

  /** @param leafIndex the change's leaf in the log, once the sequencer has integrated it */
  record Recorded(Instant at, OptionalLong leafIndex) {}

  StatusChangeTimes NONE = (url, index) -> Optional.empty();
}
