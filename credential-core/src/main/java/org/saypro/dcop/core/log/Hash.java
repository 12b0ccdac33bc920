package org.saypro.dcop.core.log;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** A SHA-256 value in a Merkle tree: a leaf hash, an interior node hash or a tree root. Always 32 bytes. */
public record Hash(byte[] bytes) {

  public static final int LENGTH = 32;

  private static final HexFormat HEX = HexFormat.of();

  public Hash {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "a Merkle hash is " + LENGTH + " bytes, not " + (bytes == null ? "null" : bytes.length));
    }
    // A caller keeping the array must not be able to change a hash that already sits in a proof or a checkpoint.
    bytes = bytes.clone();
  }

  /** @throws IllegalArgumentException unless {@code hex} is 64 hexadecimal digits */
  public static Hash fromHex(String hex) {
    return new Hash(HEX.parseHex(hex));
  }

  /** @throws IllegalArgumentException unless {@code base64} is the canonical standard base64 of 32 bytes */
  public static Hash fromBase64(String base64) {
    return new Hash(
        NoteText.decodeBase64(base64).orElseThrow(() -> new IllegalArgumentException("not canonical base64: " + base64)));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lowercase hexadecimal, as RFC 6962 test vectors print hashes. */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  /** Standard base64 with padding, as checkpoints and the transparency-dev vectors carry hashes. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The bytes without a copy, for hashing inside this package only. */
  byte[] unsafeBytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
