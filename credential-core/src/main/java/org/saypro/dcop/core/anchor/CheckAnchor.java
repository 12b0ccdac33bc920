package org.saypro.dcop.core.anchor;

import org.saypro.dcop.core.verify.CheckResult;

/**
 * Port: the {@code anchor} check of a secured credential, given the SHA-256 of its secured form (what the
 * transparency log commits to). Passed, pending (not yet anchored), skipped (no ledger, or no log to ask) or failed.
 */
@FunctionalInterface
public interface CheckAnchor {
  /**
   * @param confirmedIssuer the issuer's DID once the signature and issuer checks have passed: then the issuer's own
   *     transparency log may be consulted when this deployment's log does not hold the credential. Empty otherwise,
   *     so that a forged credential never makes the verifier fetch anything.
   */
  CheckResult check(byte[] securedFormSha256, java.util.Optional<String> confirmedIssuer);
}
