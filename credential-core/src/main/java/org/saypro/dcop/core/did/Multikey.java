package org.saypro.dcop.core.did;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.util.Arrays;
import org.saypro.dcop.core.keys.EcPublicKeys;

/** Multibase/multicodec public keys ({@code z6Mk...} for Ed25519, {@code zDn...} for P-256) as JWKs. */
public final class Multikey {
  private static final byte[] ED25519_PREFIX = {(byte) 0xed, 0x01};
  private static final byte[] P256_PREFIX = {(byte) 0x80, 0x24};

  private Multikey() {}

  public static JWK toJwk(String multibase) {
    if (multibase == null || !multibase.startsWith("z")) {
      throw new IllegalArgumentException("only base58btc multibase ('z') keys are supported");
    }
    byte[] bytes = Base58.decode(multibase.substring(1));
    if (startsWith(bytes, ED25519_PREFIX) && bytes.length == 34) {
      return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Arrays.copyOfRange(bytes, 2, 34))).build();
    }
    if (startsWith(bytes, P256_PREFIX) && bytes.length == 35) {
      BigInteger[] xy = EcPublicKeys.decodePoint(Arrays.copyOfRange(bytes, 2, 35));
      return new ECKey.Builder(Curve.P_256, unsigned32(xy[0]), unsigned32(xy[1])).build();
    }
    throw new IllegalArgumentException("unsupported multikey: only Ed25519 and P-256 are accepted");
  }

  /** Encodes an Ed25519 public key as a multibase multikey. */
  public static String ed25519(byte[] publicKey) {
    byte[] bytes = new byte[34];
    System.arraycopy(ED25519_PREFIX, 0, bytes, 0, 2);
    System.arraycopy(publicKey, 0, bytes, 2, 32);
    return "z" + Base58.encode(bytes);
  }

  /** Encodes an Ed25519 or P-256 public JWK as a multibase multikey (P-256 as a compressed point). */
  public static String encode(JWK key) {
    if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
      return ed25519(okp.getDecodedX());
    }
    if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
      byte[] x = fixed32(ec.getX().decode());
      byte[] y = fixed32(ec.getY().decode());
      byte[] bytes = new byte[35];
      System.arraycopy(P256_PREFIX, 0, bytes, 0, 2);
      bytes[2] = (byte) ((y[31] & 1) == 0 ? 0x02 : 0x03);
      System.arraycopy(x, 0, bytes, 3, 32);
      return "z" + Base58.encode(bytes);
    }
    throw new IllegalArgumentException("only Ed25519 and P-256 keys have a multikey form here");
  }

  private static byte[] fixed32(byte[] value) {
    byte[] out = new byte[32];
    int copy = Math.min(value.length, 32);
    System.arraycopy(value, value.length - copy, out, 32 - copy, copy);
    return out;
  }

  private static Base64URL unsigned32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return Base64URL.encode(out);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
