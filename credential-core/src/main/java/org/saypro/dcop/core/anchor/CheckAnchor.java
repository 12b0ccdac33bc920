package org.saypro.dcop.core.anchor;

import org.saypro.dcop.core.verify.CheckResult;

/**
 * Port: the {@code anchor} check of a secured credential, given the SHA-256 of its secured form (what the
 * transparency log commits to). Passed, pending (not yet anchored), skipped (no ledger) or failed.
 */
@FunctionalInterface
public interface CheckAnchor {
  CheckResult check(byte[] securedFormSha256);
}
