package org.saypro.dcop.issuer.status;

import java.time.Instant;

/** What became of a status change request. Only {@link Changed} wrote anything. */
public sealed interface StatusChangeResult {

  /** Changed, audited, entered in the log, and the list republished. */
  record Changed(CredentialStatusView status, Instant at) implements StatusChangeResult {}

  /** The credential was already in the requested state: nothing written. */
  record AlreadySo(CredentialStatusView status) implements StatusChangeResult {}

  record UnknownCredential() implements StatusChangeResult {}

  /** Issued before status lists existed here: it has no entry to change. */
  record NoStatusEntry() implements StatusChangeResult {}

  /** Revocation is final: it can be neither lifted nor turned into a suspension. */
  record RevocationIsFinal(CredentialStatusView status) implements StatusChangeResult {}
}
