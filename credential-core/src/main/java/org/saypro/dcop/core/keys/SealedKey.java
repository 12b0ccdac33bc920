package org.saypro.dcop.core.keys;

import java.util.Objects;

/** A private key encrypted under a key-encryption key: safe to store, useless without that key. */
public record SealedKey(
    String verificationMethodId, KeyAlgorithm algorithm, byte[] nonce, byte[] ciphertext, String kekFingerprint) {
  public SealedKey {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(kekFingerprint, "kekFingerprint");
    if (verificationMethodId == null || verificationMethodId.indexOf('#') < 1) {
      throw new IllegalArgumentException("a sealed key names its verification method (did#fragment)");
    }
    if (nonce == null || nonce.length != 12 || ciphertext == null || ciphertext.length < 17) {
      throw new IllegalArgumentException("not an AES-GCM sealed key");
    }
    nonce = nonce.clone();
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }
}
