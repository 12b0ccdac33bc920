package org.saypro.dcop.issuer.status;

import java.time.Instant;

/** What became of a status change request. Only {@link Changed} wrote anything. */
public sealed interface StatusChangeResult {

  /** Changed, audited, entered in the log, and the list republished. */
  record Changed(CredentialStatusView status, Instant at) implements StatusChangeResult {}

  /** The credential was already in the requested state: nothing written. */
  record AlreadySo(CredentialStatusView status) implements StatusChangeResult {}

  record UnknownCredential() implements StatusChangeResult {}

  /**
   * The credential has no entry for this purpose: issued before status lists existed here, or an Open Badges
   * credential (revocation entry only) asked to be suspended.
   */
  record NoStatusEntry(StatusListId.Purpose purpose) implements StatusChangeResult {}

  /** Revocation is final: it can be neither lifted nor turned into a suspension. */
  record RevocationIsFinal(CredentialStatusView status) implements StatusChangeResult {}
}
