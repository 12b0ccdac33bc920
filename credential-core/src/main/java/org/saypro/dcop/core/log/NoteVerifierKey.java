package org.saypro.dcop.core.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 note verifier key (C2SP signed-note): a key name and a public key, written
 * {@code <name>+<hex key ID>+<base64(0x01 || public key)>}. The key ID is always derived, never taken on trust.
 */
public record NoteVerifierKey(String name, byte[] publicKey) {

  /** The signature type byte signed-note.md assigns to Ed25519. */
  static final byte ED25519 = 0x01;

  private static final int KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
  private static final int SIGNATURE_LENGTH = 64;

  public NoteVerifierKey {
    NoteText.requireKeyName(name);
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey.length != KEY_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 public key is " + KEY_LENGTH + " bytes, not " + publicKey.length);
    }
    publicKey = publicKey.clone();
    // Fails early on bytes that are not a curve point, rather than at the first signature.
    new Ed25519PublicKeyParameters(publicKey);
  }

  /**
   * Parses a vkey, checking its key ID against the name and key as the reference implementation does.
   *
   * @throws IllegalArgumentException if it is malformed, not Ed25519, or its key ID does not match
   */
  public static NoteVerifierKey parse(String vkey) {
    Objects.requireNonNull(vkey, "vkey");
    // The name holds no '+', and hex none, so the first two split the fields; base64 may hold more.
    int first = vkey.indexOf('+');
    int second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
    if (second < 0) {
      throw new IllegalArgumentException("a verifier key is <name>+<key ID>+<key>: " + vkey);
    }
    String name = vkey.substring(0, first);
    String id = vkey.substring(first + 1, second);
    byte[] typed =
        NoteText.decodeBase64(vkey.substring(second + 1))
            .orElseThrow(() -> new IllegalArgumentException("the key of a verifier key is not base64: " + vkey));
    if (!id.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("a key ID is 8 lowercase hex digits: " + vkey);
    }
    if (typed.length != 1 + KEY_LENGTH || typed[0] != ED25519) {
      throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01, 32 bytes) are supported: " + vkey);
    }
    NoteVerifierKey key = new NoteVerifierKey(name, Arrays.copyOfRange(typed, 1, typed.length));
    if (!key.keyIdHex().equals(id)) {
      throw new IllegalArgumentException("the key ID " + id + " does not belong to this name and key: " + vkey);
    }
    return key;
  }

  /** SHA-256(key name || 0x0A || 0x01 || public key)[:4] as a big-endian integer. */
  public int keyId() {
    byte[] name = this.name.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[name.length + 2 + KEY_LENGTH];
    System.arraycopy(name, 0, input, 0, name.length);
    input[name.length] = '\n';
    input[name.length + 1] = ED25519;
    System.arraycopy(publicKey, 0, input, name.length + 2, KEY_LENGTH);
    byte[] digest = MerkleHash.sha256(input).unsafeBytes();
    return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
  }

  public String keyIdHex() {
    return HexFormat.of().toHexDigits(keyId());
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The vkey text, {@code <name>+<hex key ID>+<base64(0x01 || public key)>}. */
  public String encoded() {
    byte[] typed = new byte[1 + KEY_LENGTH];
    typed[0] = ED25519;
    System.arraycopy(publicKey, 0, typed, 1, KEY_LENGTH);
    return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
  }

  /** Whether {@code signature} (without the key ID) is this key's Ed25519 signature of {@code message}. */
  boolean verifies(byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoteVerifierKey that && name.equals(that.name) && Arrays.equals(publicKey, that.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return encoded();
  }
}
