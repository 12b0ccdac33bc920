package org.saypro.dcop.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyEncryptionKeyTest {

  private static final String DID = "did:web:issuer.example";
  private static final byte[] KEK_BYTES =
      HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final byte[] SIGNING_INPUT = "eyJhbGciOiJFZERTQSJ9.e30".getBytes(StandardCharsets.US_ASCII);

  private final KeyEncryptionKey kek = new KeyEncryptionKey(KEK_BYTES);

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void sealAndUnsealGiveBackTheSameKey(KeyAlgorithm algorithm) throws Exception {
    SigningKey key = SigningKey.generate(algorithm, DID);

    SealedKey sealed = kek.seal(key);
    SigningKey unsealed = kek.unseal(sealed);

    assertEquals(key.verificationMethodId(), sealed.verificationMethodId());
    assertEquals(algorithm, sealed.algorithm());
    assertEquals(kek.fingerprint(), sealed.kekFingerprint());
    assertEquals(key.verificationMethodId(), unsealed.verificationMethodId());
    assertEquals(algorithm, unsealed.algorithm());
    assertEquals(key.publicJwk(), unsealed.publicJwk());
    assertArrayEquals(key.privateEncoding(), unsealed.privateEncoding());

    JWSHeader header = new JWSHeader(algorithm.jwsAlgorithm());
    Base64URL signature = unsealed.signer().sign(header, SIGNING_INPUT);
    if (algorithm == KeyAlgorithm.ED25519) {
      assertEquals(key.signer().sign(header, SIGNING_INPUT), signature, "Ed25519 is deterministic");
    } else {
      assertTrue(new ECDSAVerifier(key.publicJwk().toECKey()).verify(header, SIGNING_INPUT, signature));
    }
  }

  @Test
  void everySealUsesAFreshNonce() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, DID);
    SealedKey first = kek.seal(key);
    SealedKey second = kek.seal(key);
    assertFalse(java.util.Arrays.equals(first.nonce(), second.nonce()));
    assertFalse(java.util.Arrays.equals(first.ciphertext(), second.ciphertext()));
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void anotherKeyEncryptionKeyCannotUnseal(KeyAlgorithm algorithm) {
    SealedKey sealed = kek.seal(SigningKey.generate(algorithm, DID));
    KeyEncryptionKey other = KeyEncryptionKey.generate();

    WrongKeyEncryptionKeyException e =
        assertThrows(WrongKeyEncryptionKeyException.class, () -> other.unseal(sealed));
    assertTrue(e.getMessage().contains(kek.fingerprint()), e.getMessage());
    assertTrue(e.getMessage().contains(other.fingerprint()), e.getMessage());
    assertTrue(e.getMessage().contains(sealed.verificationMethodId()), e.getMessage());
  }

  @Test
  void aForgedFingerprintStillCannotUnseal() {
    SealedKey sealed = kek.seal(SigningKey.generate(KeyAlgorithm.ED25519, DID));
    KeyEncryptionKey other = KeyEncryptionKey.generate();
    SealedKey relabelled =
        new SealedKey(sealed.verificationMethodId(), sealed.algorithm(), sealed.nonce(), sealed.ciphertext(),
            other.fingerprint());
    assertThrows(WrongKeyEncryptionKeyException.class, () -> other.unseal(relabelled));
  }

  @Test
  void tamperedCiphertextNonceOrIdentifierFailsTheAuthenticationTag() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, DID);
    SealedKey sealed = kek.seal(key);

    for (int i : new int[] {0, sealed.ciphertext().length - 1}) {
      byte[] ciphertext = sealed.ciphertext();
      ciphertext[i] ^= 1;
      SealedKey tampered = new SealedKey(sealed.verificationMethodId(), sealed.algorithm(), sealed.nonce(),
          ciphertext, sealed.kekFingerprint());
      assertThrows(WrongKeyEncryptionKeyException.class, () -> kek.unseal(tampered), "byte " + i);
    }

    byte[] nonce = sealed.nonce();
    nonce[0] ^= 1;
    SealedKey otherNonce =
        new SealedKey(sealed.verificationMethodId(), sealed.algorithm(), nonce, sealed.ciphertext(),
            sealed.kekFingerprint());
    assertThrows(WrongKeyEncryptionKeyException.class, () -> kek.unseal(otherNonce));

    SealedKey movedToAnotherIdentifier =
        new SealedKey("did:web:attacker.example#" + key.verificationMethodId().split("#")[1], sealed.algorithm(),
            sealed.nonce(), sealed.ciphertext(), sealed.kekFingerprint());
    assertThrows(WrongKeyEncryptionKeyException.class, () -> kek.unseal(movedToAnotherIdentifier),
        "the verification method id is authenticated data");
  }

  @Test
  void sealedKeysCopyTheirArrays() {
    SealedKey sealed = kek.seal(SigningKey.generate(KeyAlgorithm.ED25519, DID));
    byte[] ciphertext = sealed.ciphertext();
    ciphertext[0] ^= 1;
    assertNotEquals(ciphertext[0], sealed.ciphertext()[0]);
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void neitherTheSigningKeyNorTheSealedKeyPrintsPrivateBytes(KeyAlgorithm algorithm) {
    SigningKey key = SigningKey.generate(algorithm, DID);
    byte[] secret = secretScalar(key);
    SealedKey sealed = kek.seal(key);

    for (String text : List.of(key.toString(), sealed.toString(), kek.toString())) {
      for (String encoding : encodings(secret)) {
        assertFalse(text.contains(encoding), text + " contains the private key");
      }
      for (String encoding : encodings(KEK_BYTES)) {
        assertFalse(text.contains(encoding), text + " contains the key-encryption key");
      }
    }
    assertTrue(key.toString().contains(key.verificationMethodId()));
    assertFalse(key.publicJwk().isPrivate());
    assertFalse(key.publicJwk().toJSONString().contains("\"d\""));
  }

  @Test
  void aSealedKeyDoesNotContainThePrivateKeyInTheClear() {
    byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    SealedKey sealed = kek.seal(SigningKey.restore(KeyAlgorithm.ED25519, DID, seed));
    assertFalse(HexFormat.of().formatHex(sealed.ciphertext()).contains(HexFormat.of().formatHex(seed, 0, 8)));
    assertEquals(seed.length + 16, sealed.ciphertext().length, "AES-GCM: plaintext plus a 128-bit tag");
  }

  @Test
  void keyEncryptionKeysAreExactly32Bytes() {
    assertThrows(IllegalArgumentException.class, () -> new KeyEncryptionKey(new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> new KeyEncryptionKey(null));
    byte[] bytes = KEK_BYTES.clone();
    KeyEncryptionKey copy = new KeyEncryptionKey(bytes);
    bytes[0] ^= 1;
    assertArrayEquals(KEK_BYTES, copy.encoded(), "the key is copied on construction");
    assertEquals(kek.fingerprint(), copy.fingerprint());
    assertEquals(16, kek.fingerprint().length());
  }

  @Test
  void restoringGarbageIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SigningKey.restore(KeyAlgorithm.P256, DID, new byte[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> SigningKey.restore(KeyAlgorithm.ED25519, DID, new byte[5]));
    assertThrows(IllegalArgumentException.class, () -> SigningKey.restore(KeyAlgorithm.ED25519, DID, new byte[33]),
        "a seed with trailing bytes would be stored and sealed with bytes the key does not use");
  }

  /** The raw private scalar or seed of a key, whatever its stored encoding. */
  @Test
  void derivedKeysAreStablePerPurposeAndIndependentOfEachOtherAndOfTheKey() {
    byte[] claims = kek.derive("claim-links");
    assertEquals(32, claims.length);
    assertArrayEquals(claims, new KeyEncryptionKey(KEK_BYTES).derive("claim-links"), "the same after a restart");
    assertFalse(java.util.Arrays.equals(claims, kek.derive("something-else")));
    assertFalse(java.util.Arrays.equals(claims, KEK_BYTES));
    assertFalse(java.util.Arrays.equals(claims, KeyEncryptionKey.generate().derive("claim-links")), "another KEK");
    assertThrows(IllegalArgumentException.class, () -> kek.derive(" "));
  }

  private static byte[] secretScalar(SigningKey key) {
    if (key.algorithm() == KeyAlgorithm.ED25519) {
      return key.privateEncoding();
    }
    try {
      java.security.interfaces.ECPrivateKey ec =
          (java.security.interfaces.ECPrivateKey)
              java.security.KeyFactory.getInstance("EC")
                  .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.privateEncoding()));
      byte[] raw = ec.getS().toByteArray();
      return raw.length > 32 ? java.util.Arrays.copyOfRange(raw, raw.length - 32, raw.length) : raw;
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> encodings(byte[] secret) {
    byte[] prefix = java.util.Arrays.copyOf(secret, 12);
    return List.of(
        HexFormat.of().formatHex(prefix),
        HexFormat.of().withUpperCase().formatHex(prefix),
        Base64.getEncoder().encodeToString(prefix).substring(0, 12),
        Base64.getUrlEncoder().encodeToString(prefix).substring(0, 12),
        java.util.Arrays.toString(prefix).substring(0, 20));
  }
}
