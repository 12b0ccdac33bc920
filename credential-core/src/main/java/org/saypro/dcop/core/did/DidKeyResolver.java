package org.saypro.dcop.core.did;

import com.nimbusds.jose.jwk.JWK;
import java.util.List;

/** did:key: the DID is the key, so resolution is pure computation. */
public final class DidKeyResolver implements ResolveDid {
  @Override
  public DidResolution resolve(String did) {
    if (!did.startsWith("did:key:")) {
      return new DidResolution.Unresolvable(did, "not a did:key");
    }
    String multibase = did.substring("did:key:".length());
    try {
      JWK key = Multikey.toJwk(multibase);
      String id = did + "#" + multibase;
      return new DidResolution.Resolved(
          new DidDocument(
              did, List.of(new VerificationMethod(id, VerificationMethod.MULTIKEY, did, key)), List.of(id), List.of(id)));
    } catch (IllegalArgumentException e) {
      return new DidResolution.Unresolvable(did, "invalid did:key: " + e.getMessage());
    }
  }
}
