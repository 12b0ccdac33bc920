package org.saypro.dcop.core.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.GeneralSecurityException;
import java.security.Signature;
import org.saypro.dcop.core.jose.BouncyCastleEd25519Verifier;

/** Verifies a signature over bytes as given with a public JWK, the counterpart of {@link SigningKey#signRaw}. */
public final class RawSignatures {
  private RawSignatures() {}

  /** Whether {@code key} is of the type {@code algorithm} signs with. */
  public static boolean fits(JWK key, KeyAlgorithm algorithm) {
    return switch (algorithm) {
      case ED25519 -> key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve());
      case P256 -> key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
    };
  }

  /** @throws IllegalArgumentException when the key does not fit the algorithm or is unusable */
  public static boolean verify(JWK key, KeyAlgorithm algorithm, byte[] data, byte[] signature) {
    if (!fits(key, algorithm)) {
      throw new IllegalArgumentException("a " + algorithm.label() + " signature needs a " + algorithm.label() + " key");
    }
    if (algorithm == KeyAlgorithm.ED25519) {
      return new BouncyCastleEd25519Verifier((OctetKeyPair) key).verify(data, signature);
    }
    if (signature.length != 64) {
      return false;
    }
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
      ecdsa.initVerify(((ECKey) key).toECPublicKey());
      ecdsa.update(data);
      return ecdsa.verify(signature);
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalArgumentException("unusable P-256 key: " + e.getMessage(), e);
    }
  }
}
