package org.saypro.dcop.issuer.log;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * @param batchSize the most pending entries the sequencer integrates in one checkpoint
 * @param sequenceInterval how often the sequencer looks for pending entries
 */
@ConfigurationProperties("dcop.log")
public record LogSettings(int batchSize, Duration sequenceInterval) {
  public LogSettings {
    if (batchSize < 1 || batchSize > 100_000) {
      throw new IllegalArgumentException("dcop.log.batch-size must be between 1 and 100000");
    }
  }
}
