package org.saypro.dcop.core.keys;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.saypro.dcop.core.json.Json;

/**
 * The AES-256 key-encryption key that seals private signing keys at rest (AES-GCM, random 96-bit nonce, the
 * verification method id as associated data, so a sealed key cannot be swapped onto another identifier).
 */
public final class KeyEncryptionKey {

  public static final int LENGTH = 32;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  public KeyEncryptionKey(byte[] key) {
    if (key == null || key.length != LENGTH) {
      throw new IllegalArgumentException("a key-encryption key is exactly " + LENGTH + " bytes");
    }
    this.key = key.clone();
  }

  public static KeyEncryptionKey generate() {
    byte[] key = new byte[LENGTH];
    RANDOM.nextBytes(key);
    return new KeyEncryptionKey(key);
  }

  public byte[] encoded() {
    return key.clone();
  }

  /**
   * A 256-bit key for another purpose, derived from this one (HMAC-SHA256 of the purpose's name as the PRF, as HKDF's
   * expand step does for one block): the key-encryption key itself only ever seals, and keys derived for different
   * purposes are independent.
   */
  public byte[] derive(String purpose) {
    if (purpose == null || purpose.isBlank()) {
      throw new IllegalArgumentException("a derived key needs the name of its purpose");
    }
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(("dcop-kek-derive:" + purpose + "\u0001").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** A short public fingerprint naming which key sealed a record; reveals nothing about the key. */
  public String fingerprint() {
    byte[] digest = Json.sha256(("dcop-kek-fingerprint:" + HexFormat.of().formatHex(key)).getBytes());
    return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
  }

  public SealedKey seal(SigningKey signingKey) {
    try {
      byte[] nonce = new byte[NONCE_LENGTH];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(signingKey.verificationMethodId().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      byte[] ciphertext = cipher.doFinal(signingKey.privateEncoding());
      return new SealedKey(signingKey.verificationMethodId(), signingKey.algorithm(), nonce, ciphertext, fingerprint());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is available on every Java platform", e);
    }
  }

  public SigningKey unseal(SealedKey sealed) {
    if (!sealed.kekFingerprint().equals(fingerprint())) {
      throw new WrongKeyEncryptionKeyException(sealed.verificationMethodId(), sealed.kekFingerprint(), fingerprint());
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(sealed.verificationMethodId().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed.ciphertext());
      String controller = sealed.verificationMethodId().substring(0, sealed.verificationMethodId().indexOf('#'));
      SigningKey key = SigningKey.restore(sealed.algorithm(), controller, plain);
      Arrays.fill(plain, (byte) 0);
      if (!key.verificationMethodId().equals(sealed.verificationMethodId())) {
        throw new IllegalStateException("sealed key does not match its identifier " + sealed.verificationMethodId());
      }
      return key;
    } catch (AEADBadTagException e) {
      throw new WrongKeyEncryptionKeyException(sealed.verificationMethodId(), sealed.kekFingerprint(), fingerprint());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is available on every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[" + fingerprint() + "]";
  }
}
