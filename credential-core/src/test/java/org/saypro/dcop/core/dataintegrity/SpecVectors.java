package org.saypro.dcop.core.dataintegrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.saypro.dcop.core.did.DidKeyResolver;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.Multibase;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;

/**
 * The W3C Data Integrity specification vectors under {@code src/test/resources/vectors/dataintegrity}: reading them
 * from the classpath, their keys, and did:key resolution of a proof's verification method.
 */
final class SpecVectors {

  static final String ROOT = "/vectors/dataintegrity/";

  /** One cryptosuite's folder and the file-name suffix the specification uses in it. */
  enum Suite {
    EDDSA("eddsa-rdfc-2022", "DataInt", Cryptosuite.EDDSA_RDFC_2022, "keyPair.json", "privateKeyMultibase"),
    ECDSA_P256("ecdsa-rdfc-2019-p256", "ECDSAP256", Cryptosuite.ECDSA_RDFC_2019, "p256KeyPair.json",
        "secretKeyMultibase");

    final String folder;
    final String suffix;
    final Cryptosuite cryptosuite;
    final String keyPairFile;
    final String secretField;

    Suite(String folder, String suffix, Cryptosuite cryptosuite, String keyPairFile, String secretField) {
      this.folder = folder;
      this.suffix = suffix;
      this.cryptosuite = cryptosuite;
      this.keyPairFile = keyPairFile;
      this.secretField = secretField;
    }

    /** A file of this suite, e.g. {@code canonDoc} gives {@code canonDocDataInt.txt}. */
    String file(String stem, String extension) {
      return folder + "/" + stem + suffix + "." + extension;
    }

    String unsignedFile() {
      return folder + "/unsigned.json";
    }

    String signedFile() {
      return file("signed", "json");
    }

    ObjectNode unsigned() {
      return object(unsignedFile());
    }

    ObjectNode signed() {
      return object(signedFile());
    }

    ObjectNode proofConfig() {
      return object(file("proofConfig", "json"));
    }

    String text(String stem) {
      return SpecVectors.text(file(stem, "txt"));
    }

    String publicKeyMultibase() {
      return object(folder + "/" + keyPairFile).get("publicKeyMultibase").textValue();
    }

    String secretKeyMultibase() {
      return object(folder + "/" + keyPairFile).get(secretField).textValue();
    }

    String did() {
      return "did:key:" + publicKeyMultibase();
    }

    /** The did:key verification method the vectors' proofs name: the DID with the multikey as fragment. */
    String verificationMethod() {
      return did() + "#" + publicKeyMultibase();
    }

    /** The vector's private key as a {@link SigningKey} of the did:key controller. */
    SigningKey signingKey() {
      byte[] secret = Multibase.decodeBase58Btc(secretKeyMultibase());
      byte[] prefix = this == EDDSA ? new byte[] {(byte) 0x80, 0x26} : new byte[] {(byte) 0x86, 0x26};
      if (secret.length != 34 || secret[0] != prefix[0] || secret[1] != prefix[1]) {
        throw new IllegalStateException(folder + ": unexpected secret key multicodec " + HexFormat.of().formatHex(secret));
      }
      byte[] raw = Arrays.copyOfRange(secret, 2, 34);
      if (this == EDDSA) {
        return SigningKey.restore(KeyAlgorithm.ED25519, did(), raw);
      }
      return SigningKey.restore(KeyAlgorithm.P256, did(), p256Pkcs8(raw));
    }
  }

  private SpecVectors() {}

  /** The raw bytes of a vector file (a path below {@link #ROOT}). */
  static byte[] bytes(String path) {
    try (InputStream in = SpecVectors.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("test resource missing: " + ROOT + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  static ObjectNode object(String path) {
    JsonNode node = Json.parse(bytes(path));
    if (!node.isObject()) {
      throw new IllegalStateException(path + " is not a JSON object");
    }
    return (ObjectNode) node;
  }

  static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(Json.sha256(data));
  }

  static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Resolves a did:key verification method to its public key, as a verifier would. */
  static JWK resolveKey(String verificationMethod) {
    int hash = verificationMethod.indexOf('#');
    if (hash < 0) {
      throw new IllegalArgumentException("not a DID URL with a fragment: " + verificationMethod);
    }
    DidResolution resolution = new DidKeyResolver().resolve(verificationMethod.substring(0, hash));
    if (!(resolution instanceof DidResolution.Resolved resolved)) {
      throw new IllegalStateException("did:key does not resolve: " + resolution);
    }
    return resolved
        .document()
        .method(verificationMethod)
        .orElseThrow(() -> new IllegalStateException(verificationMethod + " is not in its did:key document"))
        .publicKey();
  }

  /** PKCS#8 of the P-256 private scalar {@code d}, built by the JDK from an ECPrivateKeySpec over secp256r1. */
  static byte[] p256Pkcs8(byte[] d) {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
      return KeyFactory.getInstance("EC")
          .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), spec))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 is available on every Java platform", e);
    }
  }
}
