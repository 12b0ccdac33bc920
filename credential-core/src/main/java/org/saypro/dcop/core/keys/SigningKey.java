package org.saypro.dcop.core.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.saypro.dcop.core.jose.BouncyCastleEd25519Signer;

/**
 * A private signing key bound to the verification method that publishes its public half. The private key is kept
 * as its standard encoding (Ed25519: the 32-byte seed; P-256: PKCS#8) so it can be sealed and restored.
 */
public final class SigningKey {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String verificationMethodId;
  private final KeyAlgorithm algorithm;
  private final JWK publicJwk;
  private final byte[] privateEncoding;
  private final JWSSigner signer;
  private final RawSigner rawSigner;

  /** Signs bytes as they are, for Data Integrity (JOSE signing goes through {@link #signer()}). */
  @FunctionalInterface
  private interface RawSigner {
    byte[] sign(byte[] data) throws GeneralSecurityException;
  }

  private SigningKey(
      String verificationMethodId,
      KeyAlgorithm algorithm,
      JWK publicJwk,
      byte[] privateEncoding,
      JWSSigner signer,
      RawSigner rawSigner) {
    this.verificationMethodId = Objects.requireNonNull(verificationMethodId);
    this.algorithm = Objects.requireNonNull(algorithm);
    this.publicJwk = Objects.requireNonNull(publicJwk);
    this.privateEncoding = privateEncoding.clone();
    this.signer = Objects.requireNonNull(signer);
    this.rawSigner = Objects.requireNonNull(rawSigner);
    if (publicJwk.isPrivate()) {
      throw new IllegalArgumentException("the published JWK must not contain private parameters");
    }
  }

  /** Generates a new key for the DID {@code controller}; its fragment is the RFC 7638 thumbprint. */
  public static SigningKey generate(KeyAlgorithm algorithm, String controller) {
    return switch (algorithm) {
      case ED25519 -> {
        byte[] seed = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
        RANDOM.nextBytes(seed);
        yield restore(algorithm, controller, seed);
      }
      case P256 -> {
        try {
          KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
          generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
          KeyPair pair = generator.generateKeyPair();
          yield restore(algorithm, controller, pair.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("P-256 is available on every Java platform", e);
        }
      }
    };
  }

  /** Generates a key whose controller is its own did:key, as a holder's wallet would. */
  public static SigningKey generateDidKey(KeyAlgorithm algorithm) {
    SigningKey key = generate(algorithm, "did:key:pending");
    String did = "did:key:" + org.saypro.dcop.core.did.Multikey.encode(key.publicJwk);
    return restore(algorithm, did, key.privateEncoding);
  }

  /** Rebuilds a key from its private encoding; the public key and its identifier are derived again. */
  public static SigningKey restore(KeyAlgorithm algorithm, String controller, byte[] privateEncoding) {
    try {
      return switch (algorithm) {
        case ED25519 -> {
          if (privateEncoding.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is a 32-byte seed");
          }
          Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(privateEncoding, 0);
          JWK jwk =
              new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(key.generatePublicKey().getEncoded())).build();
          RawSigner raw =
              data -> {
                byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
                key.sign(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, data, 0, data.length,
                    signature, 0);
                return signature;
              };
          yield new SigningKey(
              controller + "#" + jwk.computeThumbprint(), algorithm, jwk, privateEncoding,
              new BouncyCastleEd25519Signer(key), raw);
        }
        case P256 -> {
          KeyFactory factory = KeyFactory.getInstance("EC");
          ECPrivateKey privateKey =
              (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateEncoding));
          ECPublicKey publicKey = EcPublicKeys.derive(privateKey);
          JWK jwk = new ECKey.Builder(Curve.P_256, publicKey).build();
          RawSigner raw =
              data -> {
                java.security.Signature ecdsa = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
                ecdsa.initSign(privateKey, RANDOM);
                ecdsa.update(data);
                return ecdsa.sign();
              };
          yield new SigningKey(
              controller + "#" + jwk.computeThumbprint(), algorithm, jwk, privateEncoding,
              new ECDSASigner(privateKey), raw);
        }
      };
    } catch (GeneralSecurityException | JOSEException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid " + algorithm.label() + " private key", e);
    }
  }

  /** The DID URL of the verification method, used as the JWS {@code kid}. */
  public String verificationMethodId() {
    return verificationMethodId;
  }

  public String controller() {
    return verificationMethodId.substring(0, verificationMethodId.indexOf('#'));
  }

  public KeyAlgorithm algorithm() {
    return algorithm;
  }

  public JWK publicJwk() {
    return publicJwk;
  }

  public JWSSigner signer() {
    return signer;
  }

  /**
   * The id of this key's Multikey verification method: the controller with the multibase public key as fragment,
   * as did:key does. Data Integrity proofs name this one; JOSE names {@link #verificationMethodId()}.
   */
  public String multikeyVerificationMethodId() {
    return controller() + "#" + org.saypro.dcop.core.did.Multikey.encode(publicJwk);
  }

  /** Signs the bytes as given: Ed25519, or ECDSA P-256 with SHA-256 giving r||s (IEEE P1363). */
  public byte[] signRaw(byte[] data) {
    try {
      return rawSigner.sign(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with " + this + " failed", e);
    }
  }

  /** The private key's standard encoding, for sealing only. */
  byte[] privateEncoding() {
    return privateEncoding.clone();
  }

  @Override
  public String toString() {
    return "SigningKey[" + algorithm.label() + " " + verificationMethodId + "]";
  }
}
