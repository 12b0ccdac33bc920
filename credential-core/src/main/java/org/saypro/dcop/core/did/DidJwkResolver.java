package org.saypro.dcop.core.did;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;

/** did:jwk: the DID is a base64url JWK, so resolution is pure computation. */
public final class DidJwkResolver implements ResolveDid {
  @Override
  public DidResolution resolve(String did) {
    if (!did.startsWith("did:jwk:")) {
      return new DidResolution.Unresolvable(did, "not a did:jwk");
    }
    try {
      String json = new String(new Base64URL(did.substring("did:jwk:".length())).decode(), StandardCharsets.UTF_8);
      JWK key = JWK.parse(json);
      if (key.isPrivate()) {
        return new DidResolution.Unresolvable(did, "did:jwk must not contain a private key");
      }
      String id = did + "#0";
      return new DidResolution.Resolved(
          new DidDocument(
              did, List.of(new VerificationMethod(id, VerificationMethod.JSON_WEB_KEY, did, key)), List.of(id),
              List.of(id)));
    } catch (ParseException | IllegalArgumentException e) {
      return new DidResolution.Unresolvable(did, "invalid did:jwk: " + e.getMessage());
    }
  }

  /** The did:jwk for a public key. */
  public static String didFor(JWK publicKey) {
    return "did:jwk:" + Base64URL.encode(publicKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
  }
}
