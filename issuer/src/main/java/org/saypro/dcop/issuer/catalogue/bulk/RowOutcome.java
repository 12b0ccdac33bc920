package org.saypro.dcop.issuer.catalogue.bulk;

import java.util.UUID;

/** What became of one row that was awarded. */
public sealed interface RowOutcome {
  long line();

  /** @param replayed awarded earlier (the same file again, or a resumed run): nothing new was issued */
  record Awarded(long line, UUID credential, boolean replayed) implements RowOutcome {}

  record Failed(long line, String reason) implements RowOutcome {}
}
