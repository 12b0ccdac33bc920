package org.saypro.dcop.issuer.keys;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.did.Multikey;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.keys.KeyAlgorithm;

/**
 * The public side of an issuer's key and its state: what a DID document and a profile page show. Never carries
 * the private key.
 */
public record PublishedKey(
    String verificationMethodId,
    KeyAlgorithm algorithm,
    JWK publicJwk,
    KeyState state,
    Instant createdAt,
    Optional<Instant> retiredAt,
    Optional<Instant> revokedAt) {

  public PublishedKey {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(retiredAt, "retiredAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    if (verificationMethodId == null || verificationMethodId.indexOf('#') < 1) {
      throw new IllegalArgumentException("a key's verification method id is a DID URL with a fragment");
    }
    if (publicJwk == null || publicJwk.isPrivate()) {
      throw new IllegalArgumentException("a published key carries its public JWK only");
    }
    if ((state == KeyState.REVOKED) != revokedAt.isPresent()) {
      throw new IllegalArgumentException("a revoked key, and only a revoked key, has a revocation date");
    }
  }

  public String controller() {
    return verificationMethodId.substring(0, verificationMethodId.indexOf('#'));
  }

  /** The fragment of the JsonWebKey method id (the RFC 7638 thumbprint): the key's name in URLs. */
  public String keyId() {
    return verificationMethodId.substring(verificationMethodId.indexOf('#') + 1);
  }

  /** The Multikey method id that Data Integrity proofs name, as {@code SigningKey} derives it. */
  public String multikeyVerificationMethodId() {
    return controller() + "#" + Multikey.encode(publicJwk);
  }

  /** Both published forms: JsonWebKey (JOSE kid) and Multikey (Data Integrity). */
  public VerificationMethod jsonWebKeyMethod() {
    return new VerificationMethod(
        verificationMethodId, VerificationMethod.JSON_WEB_KEY, controller(), publicJwk, revokedAt);
  }

  public VerificationMethod multikeyMethod() {
    return new VerificationMethod(
        multikeyVerificationMethodId(), VerificationMethod.MULTIKEY, controller(), publicJwk, revokedAt);
  }
}
