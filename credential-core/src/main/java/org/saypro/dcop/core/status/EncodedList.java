package org.saypro.dcop.core.status;

import java.util.Base64;
import org.saypro.dcop.core.status.EncodedListException.Problem;

/**
 * The {@code encodedList} form of a bitstring: GZIP, then multibase base64url without padding ({@code u...}).
 * Decoding is bounded: a few kilobytes of GZIP can expand to gigabytes, so output beyond the limit is refused as it
 * is produced.
 */
public final class EncodedList {

  /** 16 MiB: 134 million entries, a thousand times the specification's minimum list. */
  public static final long DEFAULT_MAX_DECODED_BYTES = 16L * 1024 * 1024;

  /** What one byte array can hold; a larger limit would not be a limit. */
  private static final long LARGEST_LIMIT = Integer.MAX_VALUE - 8;

  private static final EncodedList STANDARD = new EncodedList(DEFAULT_MAX_DECODED_BYTES);

  private final long maxDecodedBytes;

  private EncodedList(long maxDecodedBytes) {
    this.maxDecodedBytes = maxDecodedBytes;
  }

  /** A decoder refusing lists larger than {@link #DEFAULT_MAX_DECODED_BYTES}. */
  public static EncodedList standard() {
    return STANDARD;
  }

  public static EncodedList withLimit(long maxDecodedBytes) {
    if (maxDecodedBytes < 1 || maxDecodedBytes > LARGEST_LIMIT) {
      throw new IllegalArgumentException("the decoded size limit must be between 1 and " + LARGEST_LIMIT + " bytes");
    }
    return new EncodedList(maxDecodedBytes);
  }

  public long maxDecodedBytes() {
    return maxDecodedBytes;
  }

  public static String encode(Bitstring bits) {
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(Gzip.compress(bits.bytes()));
  }

  /**
   * The bitstring of an {@code encodedList}, of whatever length it has: the length rules are the status check's, so
   * that a short list is reported as too short rather than as undecodable.
   */
  public Bitstring decode(String encoded) throws EncodedListException {
    if (encoded == null || encoded.isEmpty() || encoded.charAt(0) != 'u') {
      String found = encoded == null || encoded.isEmpty() ? "nothing" : "'" + encoded.charAt(0) + "'";
      throw new EncodedListException(
          Problem.WRONG_MULTIBASE_PREFIX,
          "an encodedList starts with 'u' (multibase base64url without padding), not " + found);
    }
    // Deflate grows incompressible data by 5 bytes per 64 KB block, GZIP adds 18: longer text cannot fit the limit.
    long longestEncoding = (maxDecodedBytes + maxDecodedBytes / 256 + 1024) * 4 / 3 + 2;
    if (encoded.length() > longestEncoding) {
      throw new EncodedListException(
          Problem.TOO_LARGE, "the encodedList is too long to decode to at most " + maxDecodedBytes + " bytes");
    }
    if (encoded.indexOf('=') >= 0) {
      throw new EncodedListException(Problem.NOT_BASE64URL, "not base64url: multibase 'u' has no '=' padding");
    }
    byte[] compressed;
    try {
      compressed = Base64.getUrlDecoder().decode(encoded.substring(1));
    } catch (IllegalArgumentException e) {
      throw new EncodedListException(
          Problem.NOT_BASE64URL, "not base64url: only A-Z a-z 0-9 - _ are allowed, in a possible length");
    }
    return Bitstring.own(Gzip.decompress(compressed, maxDecodedBytes));
  }
}
