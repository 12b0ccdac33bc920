package org.saypro.dcop.core.verify;

import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.model.Credential;

/**
 * Every check run on one credential, in order, and the credential as read (when it could be read). Verified means
 * every check passed: a skipped check is not a pass.
 */
public record VerificationReport(List<CheckResult> checks, Optional<Credential> credential) {
  public VerificationReport {
    checks = List.copyOf(checks);
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("a report names at least one check");
    }
  }

  public boolean verified() {
    return checks.stream().allMatch(c -> c.status() == CheckResult.Status.PASSED);
  }

  public Optional<CheckResult> check(String name) {
    return checks.stream().filter(c -> c.check().equals(name)).findFirst();
  }

  public List<CheckResult> failures() {
    return checks.stream().filter(c -> c.status() == CheckResult.Status.FAILED).toList();
  }
}
