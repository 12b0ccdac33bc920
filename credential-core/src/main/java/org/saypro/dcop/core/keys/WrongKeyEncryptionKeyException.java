package org.saypro.dcop.core.keys;

/** Stored keys were sealed under another key-encryption key: the operator must supply the original DCOP_KEK. */
public final class WrongKeyEncryptionKeyException extends RuntimeException {
  public WrongKeyEncryptionKeyException(String verificationMethodId, String sealedWith, String current) {
    super(
        "cannot unseal key "
            + verificationMethodId
            + ": it was sealed under key-encryption key "
            + sealedWith
            + " but the configured key is "
            + current
            + " (set DCOP_KEK to the original key)");
  }
}
