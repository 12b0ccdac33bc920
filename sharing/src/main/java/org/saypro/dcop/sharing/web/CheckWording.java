package org.saypro.dcop.sharing.web;

import java.util.Map;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.Checks;

/** Each check as a question an employer would ask, and each outcome as a short answer. */
final class CheckWording {

  private static final Map<String, String> QUESTIONS = Map.of(
      Checks.FORMAT, "Is it a well-formed credential?",
      Checks.SIGNATURE, "Is the signature valid, so nothing was changed since it was signed?",
      Checks.ISSUER, "Does the signing key belong to the issuer named in it?",
      Checks.VALIDITY, "Is it within its validity period?",
      Checks.STATUS, "Is it still in force (not revoked or suspended)?",
      Checks.ANCHOR, "Was its issuance recorded in the public log anchored on Ethereum?");

  private CheckWording() {}

  static String question(String check) {
    return QUESTIONS.getOrDefault(check, check);
  }

  static String answer(CheckResult.Status status) {
    return switch (status) {
      case PASSED -> "Yes";
      case FAILED -> "No";
      case PENDING -> "Not yet";
      case INDETERMINATE -> "Could not be checked now";
      case SKIPPED -> "Not checked";
    };
  }
}
