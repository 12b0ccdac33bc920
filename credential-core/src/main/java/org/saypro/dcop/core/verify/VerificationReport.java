package org.saypro.dcop.core.verify;

import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.model.Credential;

/**
 * Every check run on one credential, in order, and the credential as read (when it could be read).
 */
public record VerificationReport(List<CheckResult> checks, Optional<Credential> credential) {
  public VerificationReport {
    checks = List.copyOf(checks);
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("a report names at least one check");
    }
  }

  /**
   * Every essential check passed and no check failed or was left indeterminate. An anchor that is pending, or skipped
   * because this server anchors nothing, does not make a valid credential unverified; the report says which. A status
   * that could not be read does: nobody can say the credential was not revoked.
   */
  public boolean verified() {
    return checks.stream().noneMatch(c -> c.status() == CheckResult.Status.FAILED
            || c.status() == CheckResult.Status.INDETERMINATE)
        && checks.stream().filter(c -> Checks.ESSENTIAL.contains(c.check()))
            .allMatch(c -> c.status() == CheckResult.Status.PASSED)
        && checks.stream().map(CheckResult::check).filter(Checks.ESSENTIAL::contains).count() == Checks.ESSENTIAL.size();
  }

  public Optional<CheckResult> check(String name) {
    return checks.stream().filter(c -> c.check().equals(name)).findFirst();
  }

  public List<CheckResult> failures() {
    return checks.stream().filter(c -> c.status() == CheckResult.Status.FAILED).toList();
  }
}
