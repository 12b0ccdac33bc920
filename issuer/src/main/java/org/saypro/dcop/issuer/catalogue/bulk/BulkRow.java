package org.saypro.dcop.issuer.catalogue.bulk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.openbadges.Recipient;

/** A row of the file that can be awarded: the learner, and when the award takes effect if the file says. */
public record BulkRow(long line, Recipient recipient, Optional<Instant> validFrom) {
  public BulkRow {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(validFrom, "validFrom");
  }
}
