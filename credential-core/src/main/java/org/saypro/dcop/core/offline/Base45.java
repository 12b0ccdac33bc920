package org.saypro.dcop.core.offline;

import java.io.ByteArrayOutputStream;

/**
 * Base45 (RFC 9285): two bytes in three characters of the QR code alphanumeric set, so a QR code can carry binary
 * data in its denser alphanumeric mode. Decoding is strict: a character outside the alphabet, a dangling single
 * character, or a group whose value is out of range is refused, so one text has exactly one meaning.
 */
public final class Base45 {

  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  private static final int[] VALUES = new int[128];

  static {
    java.util.Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUES[ALPHABET.charAt(i)] = i;
    }
  }

  private Base45() {}

  /** The number of characters that encode {@code bytes} bytes. */
  public static int encodedLength(int bytes) {
    return bytes / 2 * 3 + bytes % 2 * 2;
  }

  public static String encode(byte[] data) {
    StringBuilder text = new StringBuilder(encodedLength(data.length));
    for (int i = 0; i + 1 < data.length; i += 2) {
      int n = (data[i] & 0xff) << 8 | (data[i + 1] & 0xff);
      text.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
    }
    if (data.length % 2 == 1) {
      int n = data[data.length - 1] & 0xff;
      text.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
    }
    return text.toString();
  }

  /** Decodes strictly; throws {@link IllegalArgumentException} saying where and why the text is not Base45. */
  public static byte[] decode(CharSequence text) {
    if (text.length() % 3 == 1) {
      throw new IllegalArgumentException("a Base45 text is never 1 more than a multiple of 3 characters long");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 3 * 2 + 1);
    for (int i = 0; i < text.length(); i += 3) {
      boolean pair = i + 2 < text.length();
      int n = value(text, i) + value(text, i + 1) * 45 + (pair ? value(text, i + 2) * 2025 : 0);
      if (n > (pair ? 0xffff : 0xff)) {
        throw new IllegalArgumentException("the group at character " + i + " encodes " + n + ", more than "
            + (pair ? "two bytes" : "one byte") + " can hold");
      }
      if (pair) {
        out.write(n >> 8);
      }
      out.write(n & 0xff);
    }
    return out.toByteArray();
  }

  private static int value(CharSequence text, int index) {
    char c = text.charAt(index);
    int value = c < VALUES.length ? VALUES[c] : -1;
    if (value < 0) {
      throw new IllegalArgumentException("character " + index + " is not in the Base45 alphabet");
    }
    return value;
  }
}
