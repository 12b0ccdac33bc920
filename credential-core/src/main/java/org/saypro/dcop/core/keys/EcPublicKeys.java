package org.saypro.dcop.core.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** P-256 point arithmetic the JDK does not expose: deriving a public key, decompressing a point. */
public final class EcPublicKeys {

  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

  private EcPublicKeys() {}

  static ECPublicKey derive(ECPrivateKey privateKey) throws GeneralSecurityException {
    ECMultiplier multiplier = new FixedPointCombMultiplier();
    org.bouncycastle.math.ec.ECPoint q = multiplier.multiply(P256.getG(), privateKey.getS()).normalize();
    return toJdk(q, privateKey);
  }

  /** Decodes a SEC1 compressed or uncompressed P-256 point into its affine coordinates (x, y). */
  public static BigInteger[] decodePoint(byte[] encoded) {
    ECCurve curve = P256.getCurve();
    org.bouncycastle.math.ec.ECPoint point = curve.decodePoint(encoded).normalize();
    if (!point.isValid()) {
      throw new IllegalArgumentException("not a point on P-256");
    }
    return new BigInteger[] {point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger()};
  }

  private static ECPublicKey toJdk(org.bouncycastle.math.ec.ECPoint q, ECPrivateKey like)
      throws GeneralSecurityException {
    ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, like.getParams()));
  }
}
