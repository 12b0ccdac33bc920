package org.saypro.dcop.core.verify;

import java.util.Optional;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.DidUrl;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.did.VerificationMethod;

/**
 * Finds the verification method a proof names: a DID URL with a fragment (resolved through its DID), or an http(s)
 * URL of a key document. Shared by the JOSE and Data Integrity signature checks.
 */
final class KeyLookup {

  private final ResolveDid resolveDid;

  KeyLookup(ResolveDid resolveDid) {
    this.resolveDid = resolveDid;
  }

  /** The method and the document it was found in, or why not (with the document, when one was resolved). */
  record Result(Optional<VerificationMethod> method, Optional<DidDocument> document, String problem) {}

  Result lookup(String methodId) {
    String documentId;
    if (methodId.startsWith("https://") || methodId.startsWith("http://")) {
      documentId = methodId;
    } else {
      Optional<DidUrl> url = DidUrl.parse(methodId).filter(u -> !u.fragment().isEmpty());
      if (url.isEmpty()) {
        return new Result(Optional.empty(), Optional.empty(),
            "'" + methodId + "' is not a DID URL with a fragment nor an https URL");
      }
      documentId = url.get().did();
    }
    DidResolution resolution = resolveDid.resolve(documentId);
    if (resolution instanceof DidResolution.Unresolvable unresolvable) {
      return new Result(Optional.empty(), Optional.empty(),
          "the signing key could not be resolved: " + unresolvable.reason());
    }
    DidDocument document = ((DidResolution.Resolved) resolution).document();
    Optional<VerificationMethod> method = document.method(methodId);
    return new Result(method, Optional.of(document),
        method.isPresent() ? "" : "key " + methodId + " is not in its DID document");
  }
}
