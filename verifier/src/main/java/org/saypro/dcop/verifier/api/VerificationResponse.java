package org.saypro.dcop.verifier.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.saypro.dcop.core.verify.PresentationVerifier;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * Writes a report as the VC API answer: {@code verified}, every check with status and detail, and a problem detail
 * per failed check typed with the VC Data Model 2.0 error types.
 */
public final class VerificationResponse {

  private static final String VC_ERRORS = "https://www.w3.org/TR/vc-data-model#";
  private static final String STATUS_ERRORS = "https://www.w3.org/TR/vc-bitstring-status-list/#";
  private static final Map<String, String> ERROR_TYPE =
      Map.of(
          Checks.FORMAT, "MALFORMED_VALUE_ERROR",
          Checks.SIGNATURE, "CRYPTOGRAPHIC_SECURITY_ERROR",
          Checks.ISSUER, "CRYPTOGRAPHIC_SECURITY_ERROR",
          Checks.VALIDITY, "RANGE_ERROR",
          PresentationVerifier.CHALLENGE, "CRYPTOGRAPHIC_SECURITY_ERROR",
          PresentationVerifier.HOLDER, "CRYPTOGRAPHIC_SECURITY_ERROR",
          Checks.ANCHOR, "CRYPTOGRAPHIC_SECURITY_ERROR");

  private VerificationResponse() {}

  public static ObjectNode of(VerificationReport report) {
    return of(report.verified(), report.checks());
  }

  public static ObjectNode of(boolean verified, List<CheckResult> results) {
    ObjectNode json = Json.newObject();
    json.put("verified", verified);
    ArrayNode checks = json.putArray("checks");
    for (CheckResult check : results) {
      ObjectNode entry = checks.addObject().put("check", check.check()).put("status", check.status().label())
          .put("detail", check.detail());
      if (check instanceof CheckResult.Passed passed && passed.transaction().isPresent()) {
        entry.putObject("transaction").put("chainId", passed.transaction().get().chainId())
            .put("hash", passed.transaction().get().hash());
      }
    }
    ArrayNode problems = json.putArray("problemDetails");
    for (CheckResult result : results) {
      boolean failed = result.status() == CheckResult.Status.FAILED;
      if (!failed && result.status() != CheckResult.Status.INDETERMINATE) {
        continue;
      }
      String type =
          result.check().equals(Checks.STATUS)
              ? STATUS_ERRORS + (failed ? "STATUS_VERIFICATION_ERROR" : "STATUS_RETRIEVAL_ERROR")
              : VC_ERRORS + ERROR_TYPE.getOrDefault(result.check(), "MALFORMED_VALUE_ERROR");
      problems
          .addObject()
          .put("type", type)
          .put("title", "The " + result.check() + " check " + (failed ? "failed" : "could not be completed"))
          .put("detail", result.detail());
    }
    return json;
  }
}
