package org.saypro.dcop.issuer.log;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends a pending log entry. It joins the caller's transaction (mandatory): an entry exists exactly when what it
 * commits to was stored.
 */
@Singleton
public class AppendToLog {

  private final LogEntryRepository entries;

  AppendToLog(LogEntryRepository entries) {
    this.entries = entries;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void credential(UUID credentialUuid, byte[] securedFormSha256, Instant at) {
    entries.save(new LogEntryRow(null, securedFormSha256, "credential", credentialUuid, null, at));
  }
}
