package org.saypro.dcop.core.verify;

import org.saypro.dcop.core.model.Credential;

/**
 * Port: the {@code status} check of a credential whose signature and issuer were confirmed: is it revoked or
 * suspended? Passed, failed, skipped (no status entry) or indeterminate (the status could not be read).
 */
@FunctionalInterface
public interface CheckStatus {
  CheckResult check(Credential credential);
}
