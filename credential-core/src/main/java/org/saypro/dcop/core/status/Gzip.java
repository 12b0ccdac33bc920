package org.saypro.dcop.core.status;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.saypro.dcop.core.status.EncodedListException.Problem;

/**
 * GZIP (RFC 1952) over the JDK's deflate. Not {@code GZIPInputStream}: it silently ignores bytes after the last
 * member, so two decoders could disagree on one list, and it does not check the optional header CRC.
 */
final class Gzip {

  private static final int ID1 = 0x1f;
  private static final int ID2 = 0x8b;
  private static final int DEFLATE = 8;
  private static final int FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;
  private static final int RESERVED_FLAGS = 0xe0;
  private static final int HEADER_LENGTH = 10;
  private static final int TRAILER_LENGTH = 8;
  /** RFC 1952 "unknown" operating system: the output is the same bytes on every platform. */
  private static final int OS_UNKNOWN = 255;

  private Gzip() {}

  /** One member, no file name, modification time 0, best compression: lists are published once and fetched often. */
  static byte[] compress(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 64 + 64);
    out.write(new byte[] {(byte) ID1, (byte) ID2, DEFLATE, 0, 0, 0, 0, 0, 2, (byte) OS_UNKNOWN}, 0, HEADER_LENGTH);
    // level 6, not 9: on a sparse 16 KB list level 9 took 20 times longer for 12 % fewer bytes
    // (docs/performance.md, status lists), and every status change re-encodes its list
    Deflater deflater = new Deflater(6, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        out.write(buffer, 0, n);
      }
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(data);
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, data.length);
    return out.toByteArray();
  }

  /**
   * The concatenated contents of every member (RFC 1952 allows several), refusing output beyond {@code maxBytes} as
   * soon as it is reached, so a small bomb cannot cost more than the limit.
   */
  static byte[] decompress(byte[] data, long maxBytes) throws EncodedListException {
    if (data.length < 2 || (data[0] & 0xff) != ID1 || (data[1] & 0xff) != ID2) {
      throw new EncodedListException(Problem.NOT_GZIP, "not GZIP: it does not start with the GZIP magic bytes 1f 8b");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int position = 0;
    while (position < data.length) {
      if (data.length - position < 2 || (data[position] & 0xff) != ID1 || (data[position + 1] & 0xff) != ID2) {
        throw new EncodedListException(
            Problem.CORRUPT_GZIP, "corrupt GZIP: " + (data.length - position) + " bytes follow the last member");
      }
      position = member(data, position, maxBytes, out);
    }
    return out.toByteArray();
  }

  /** Inflates the member at {@code start} into {@code out}; returns where the next member would start. */
  private static int member(byte[] data, int start, long maxBytes, ByteArrayOutputStream out)
      throws EncodedListException {
    int position = header(data, start);
    Inflater inflater = new Inflater(true);
    CRC32 crc = new CRC32();
    long size = 0;
    try {
      inflater.setInput(data, position, data.length - position);
      byte[] buffer = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && !inflater.finished()) {
          // raw deflate has no dictionary, so the only way to stall is to run out of input
          throw new EncodedListException(Problem.TRUNCATED_GZIP, "truncated GZIP: the deflate stream does not end");
        }
        size += n;
        if (out.size() + (long) n > maxBytes) {
          throw new EncodedListException(
              Problem.TOO_LARGE, "the list decompresses to more than the limit of " + maxBytes + " bytes");
        }
        crc.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      position = data.length - inflater.getRemaining();
    } catch (DataFormatException e) {
      throw new EncodedListException(Problem.CORRUPT_GZIP, "corrupt GZIP: invalid deflate data");
    } finally {
      inflater.end();
    }
    if (data.length - position < TRAILER_LENGTH) {
      throw new EncodedListException(Problem.TRUNCATED_GZIP, "truncated GZIP: the CRC-32 and length trailer is missing");
    }
    if (readIntLe(data, position) != (int) crc.getValue()) {
      throw new EncodedListException(Problem.CORRUPT_GZIP, "corrupt GZIP: the CRC-32 does not match the data");
    }
    if (readIntLe(data, position + 4) != (int) size) {
      throw new EncodedListException(Problem.CORRUPT_GZIP, "corrupt GZIP: the length field does not match the data");
    }
    return position + TRAILER_LENGTH;
  }

  /** Checks the member header at {@code start}; returns where its deflate data begins. */
  private static int header(byte[] data, int start) throws EncodedListException {
    if (data.length - start < HEADER_LENGTH) {
      throw new EncodedListException(Problem.TRUNCATED_GZIP, "truncated GZIP: the header is incomplete");
    }
    if (data[start + 2] != DEFLATE) {
      throw new EncodedListException(
          Problem.NOT_GZIP, "not GZIP: compression method " + (data[start + 2] & 0xff) + " is not deflate (8)");
    }
    int flags = data[start + 3] & 0xff;
    if ((flags & RESERVED_FLAGS) != 0) {
      throw new EncodedListException(Problem.NOT_GZIP, "not GZIP: reserved header flags are set");
    }
    int position = start + HEADER_LENGTH;
    if ((flags & FEXTRA) != 0) {
      requireAvailable(data, position, 2);
      position += 2 + ((data[position] & 0xff) | (data[position + 1] & 0xff) << 8);
      requireAvailable(data, position, 0);
    }
    if ((flags & FNAME) != 0) {
      position = afterZero(data, position);
    }
    if ((flags & FCOMMENT) != 0) {
      position = afterZero(data, position);
    }
    if ((flags & FHCRC) != 0) {
      requireAvailable(data, position, 2);
      CRC32 crc = new CRC32();
      crc.update(data, start, position - start);
      int expected = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
      if (expected != (int) (crc.getValue() & 0xffff)) {
        throw new EncodedListException(Problem.CORRUPT_GZIP, "corrupt GZIP: the header CRC does not match");
      }
      position += 2;
    }
    return position;
  }

  private static int afterZero(byte[] data, int position) throws EncodedListException {
    for (int i = position; i < data.length; i++) {
      if (data[i] == 0) {
        return i + 1;
      }
    }
    throw new EncodedListException(Problem.TRUNCATED_GZIP, "truncated GZIP: a header field does not end");
  }

  private static void requireAvailable(byte[] data, int position, int count) throws EncodedListException {
    if (position < 0 || data.length - position < count) {
      throw new EncodedListException(Problem.TRUNCATED_GZIP, "truncated GZIP: the header is incomplete");
    }
  }

  private static int readIntLe(byte[] data, int at) {
    return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
  }

  private static void writeIntLe(ByteArrayOutputStream out, int value) {
    for (int shift = 0; shift < 32; shift += 8) {
      out.write(value >>> shift);
    }
  }
}
