package org.saypro.dcop.core.verify;

import java.util.List;

/**
 * The checks on a presentation and one report per credential it contains. Verified means no presentation check
 * failed and every credential verified; a skipped presentation check (an unsigned presentation's holder) is
 * reported, not hidden.
 */
public record PresentationReport(List<CheckResult> checks, List<VerificationReport> credentials) {
  public PresentationReport {
    checks = List.copyOf(checks);
    credentials = List.copyOf(credentials);
  }

  public boolean verified() {
    return checks.stream().noneMatch(c -> c.status() == CheckResult.Status.FAILED)
        && credentials.stream().allMatch(VerificationReport::verified);
  }

  public List<CheckResult> failures() {
    return checks.stream().filter(c -> c.status() == CheckResult.Status.FAILED).toList();
  }
}
