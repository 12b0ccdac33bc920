package org.saypro.dcop.core.status;

import java.util.Arrays;

/**
 * A fixed-length array of status bits. Index 0 is the most significant bit of the first byte, as the specification's
 * "left-most bit" demands; reading it the other way round would answer for the wrong credential. One entry is one
 * bit (statusSize 1). The length is a whole number of bytes because the list travels as bytes. Not thread-safe:
 * publish a {@link #copy()} rather than the list being changed.
 */
public final class Bitstring {

  /** The specification's herd-privacy minimum: 131,072 entries, 16 KB uncompressed. */
  public static final int MIN_ENTRIES = 131_072;

  private final byte[] bytes;

  private Bitstring(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A new all-zero list to publish. Shorter lists are refused: the fewer entries, the easier it is to tell holders
   * apart by their index.
   */
  public static Bitstring forNewList(int entries) {
    if (entries < MIN_ENTRIES) {
      throw new IllegalArgumentException(
          "a status list needs at least " + MIN_ENTRIES + " entries for herd privacy, not " + entries);
    }
    if (entries % Byte.SIZE != 0) {
      throw new IllegalArgumentException("a status list length must be a multiple of 8 entries, not " + entries);
    }
    return new Bitstring(new byte[entries / Byte.SIZE]);
  }

  /** The bits of these bytes, of any length: what a decoded list holds. The bytes are copied. */
  public static Bitstring fromBytes(byte[] bytes) {
    return new Bitstring(bytes.clone());
  }

  /** Takes ownership without copying: the decoder's buffer can be many megabytes and is never used again. */
  static Bitstring own(byte[] bytes) {
    return new Bitstring(bytes);
  }

  /** The number of bits, which is the number of entries at statusSize 1. */
  public long length() {
    return (long) bytes.length * Byte.SIZE;
  }

  public boolean get(long index) {
    requireIndex(index);
    return (bytes[(int) (index >>> 3)] & mask(index)) != 0;
  }

  public void set(long index, boolean value) {
    requireIndex(index);
    int at = (int) (index >>> 3);
    bytes[at] = (byte) (value ? bytes[at] | mask(index) : bytes[at] & ~mask(index));
  }

  /** How many bits are set. */
  public long countSet() {
    long count = 0;
    for (byte b : bytes) {
      count += Integer.bitCount(b & 0xff);
    }
    return count;
  }

  public Bitstring copy() {
    return new Bitstring(bytes.clone());
  }

  /** The bits as bytes, a copy: index 0 is the high bit of byte 0. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The internal buffer, for the encoder only, which does not change it. */
  byte[] bytes() {
    return bytes;
  }

  private static int mask(long index) {
    return 0x80 >>> (int) (index & 7);
  }

  private void requireIndex(long index) {
    if (index < 0 || index >= length()) {
      throw new IndexOutOfBoundsException("index " + index + " is not in a list of " + length() + " entries");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bitstring that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Bitstring[" + length() + " entries, " + countSet() + " set]";
  }
}
