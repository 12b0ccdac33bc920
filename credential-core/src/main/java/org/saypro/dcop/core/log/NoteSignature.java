package org.saypro.dcop.core.log;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/** One signature line of a signed note: {@code — <key name> base64(key ID || signature)}. */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

  /** U+2014 EM DASH and a space open every signature line. */
  static final String LINE_PREFIX = "\u2014 ";

  public NoteSignature {
    NoteText.requireKeyName(keyName);
    Objects.requireNonNull(signature, "signature");
    if (signature.length == 0) {
      throw new IllegalArgumentException("a note signature carries at least one byte after the key ID");
    }
    signature = signature.clone();
  }

  /** Whether this line claims to be from {@code key}: the name and the key ID must both match. */
  public boolean isFrom(NoteVerifierKey key) {
    return keyName.equals(key.name()) && keyId == key.keyId();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The line as it appears in a note, newline included. */
  public String line() {
    byte[] payload = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
    return LINE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(payload) + "\n";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoteSignature that
        && keyName.equals(that.keyName)
        && keyId == that.keyId
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "NoteSignature[" + keyName + "+" + HexFormat.of().toHexDigits(keyId) + "]";
  }
}
