package org.saypro.dcop.core.status;

import java.util.Objects;

/**
 * An {@code encodedList} that does not decode to a bitstring. The problem tells a wrong encoding from a damaged or
 * hostile one; the message says why without echoing the input.
 */
public final class EncodedListException extends Exception {

  public enum Problem {
    /** Not multibase base64url: the first character is not {@code u}. */
    WRONG_MULTIBASE_PREFIX,
    /** Characters outside the base64url alphabet, padding, or an impossible length. */
    NOT_BASE64URL,
    /** The bytes are not a GZIP member (RFC 1952): wrong magic, method or header flags. zlib and raw deflate land here. */
    NOT_GZIP,
    /** GZIP that ends before its deflate stream or trailer does. */
    TRUNCATED_GZIP,
    /** GZIP whose deflate data, checksum or length field is wrong, or that has bytes after its last member. */
    CORRUPT_GZIP,
    /** Larger than the decoder accepts, encoded or decompressed: refused before the memory is spent. */
    TOO_LARGE
  }

  private final Problem problem;

  public EncodedListException(Problem problem, String message) {
    super(message, null, false, false);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Problem problem() {
    return problem;
  }
}
