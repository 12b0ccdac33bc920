package org.saypro.dcop.core.verify;

import java.util.Optional;
import org.saypro.dcop.core.did.DidDocument;

/**
 * A signature check's result, the verification method it named, and the DID document that method was looked up in
 * (empty when the check refused the input before looking up a key). The issuer check reads the last two.
 */
record SignatureOutcome(CheckResult result, Optional<String> keyId, Optional<DidDocument> signerDocument) {
  static SignatureOutcome failed(String detail, Optional<String> keyId, Optional<DidDocument> document) {
    return new SignatureOutcome(new CheckResult.Failed(Checks.SIGNATURE, detail), keyId, document);
  }

  static SignatureOutcome refused(String detail) {
    return failed(detail, Optional.empty(), Optional.empty());
  }
}
