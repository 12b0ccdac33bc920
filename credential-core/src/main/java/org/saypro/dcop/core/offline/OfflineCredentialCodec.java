package org.saypro.dcop.core.offline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.saypro.dcop.core.jose.CompactJws;

/**
 * Packs a signed compact vc+jwt into text for an offline QR code and back (ADR 17): {@code DCOP1:} followed by the
 * Base45 of the zlib-deflated token. Every character is in the QR alphanumeric set, which stores 5.5 bits a character
 * where byte mode stores 8. The token is carried whole, so the signature verifies as issued, offline given the
 * issuer's key and online like any other vc+jwt.
 */
public final class OfflineCredentialCodec {

  /** Format and version tag: upper case and a colon, so the whole text stays in QR alphanumeric mode. */
  public static final String PREFIX = "DCOP1:";

  /**
   * The longest text, prefix included: what a version 40 QR code holds in alphanumeric mode at error correction
   * level M (ISO/IEC 18004 table 7), the level the offline form is printed with.
   */
  public static final int MAX_TEXT_LENGTH = 3391;

  /** The largest token accepted, deflated or inflated: far above what fits a QR code, far below a zip bomb. */
  public static final int MAX_TOKEN_BYTES = 8 * 1024;

  private OfflineCredentialCodec() {}

  public static OfflineEncoding encode(String compactJws) {
    if (!(CompactJws.parse(compactJws) instanceof CompactJws.Parsed.Jws)) {
      return new OfflineEncoding.Refused("not a compact JWS");
    }
    byte[] token = compactJws.getBytes(StandardCharsets.US_ASCII);
    if (token.length > MAX_TOKEN_BYTES) {
      return new OfflineEncoding.Refused(
          "the token is " + token.length + " bytes; an offline QR code carries at most " + MAX_TOKEN_BYTES);
    }
    String text = PREFIX + Base45.encode(deflate(token));
    if (text.length() > MAX_TEXT_LENGTH) {
      return new OfflineEncoding.Refused(
          "the credential needs " + text.length() + " QR characters, more than the " + MAX_TEXT_LENGTH
              + " of the largest QR code (version 40, level M): carry a smaller credential or link to it instead");
    }
    return new OfflineEncoding.Encoded(text);
  }

  /** Reads a scanned text; never throws, whatever the text. */
  public static OfflineDecoding decode(String text) {
    if (text == null || text.isEmpty()) {
      return new OfflineDecoding.Rejected("the text is empty");
    }
    if (!text.startsWith(PREFIX)) {
      return new OfflineDecoding.Rejected(
          text.startsWith("DCOP") ? "an offline credential format this version does not read (it reads " + PREFIX + ")"
              : "not an offline credential: it does not start with " + PREFIX);
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      return new OfflineDecoding.Rejected(
          "the text is " + text.length() + " characters, more than a QR code holds (" + MAX_TEXT_LENGTH + ")");
    }
    byte[] deflated;
    try {
      deflated = Base45.decode(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return new OfflineDecoding.Rejected("not Base45: " + e.getMessage());
    }
    byte[] token;
    try {
      token = inflate(deflated);
    } catch (DataFormatException e) {
      return new OfflineDecoding.Rejected("not zlib data: " + e.getMessage());
    }
    String compact = new String(token, StandardCharsets.US_ASCII);
    if (CompactJws.parse(compact) instanceof CompactJws.Parsed.Malformed malformed) {
      return new OfflineDecoding.Rejected("the content is not a compact JWS: " + malformed.reason());
    }
    return new OfflineDecoding.Decoded(compact);
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
      byte[] buffer = new byte[1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Stops as soon as the output passes the limit, so a bomb costs at most that much memory. */
  private static byte[] inflate(byte[] data) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 2);
      byte[] buffer = new byte[1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException(
              inflater.needsDictionary() ? "it needs a preset dictionary" : "the stream is truncated");
        }
        if (out.size() + n > MAX_TOKEN_BYTES) {
          throw new DataFormatException("it inflates to more than " + MAX_TOKEN_BYTES + " bytes");
        }
        out.write(buffer, 0, n);
      }
      if (inflater.getRemaining() > 0) {
        throw new DataFormatException(inflater.getRemaining() + " bytes follow the end of the stream");
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }
}
