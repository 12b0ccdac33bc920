package org.saypro.dcop.sharing.baking;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The chunks of a PNG file (ISO/IEC 15948): length, type, data, CRC-32 of type and data. Read by hand rather than
 * through ImageIO so that nothing is decompressed and every length is checked against the bytes that are there.
 */
final class PngChunks {

  static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** A chunk as a window on the file's bytes. */
  record Chunk(String type, int start, int dataLength) {
    int dataStart() {
      return start + 8;
    }

    int end() {
      return start + 12 + dataLength;
    }
  }

  private PngChunks() {}

  /**
   * Every chunk from IHDR to IEND, each CRC checked. Bytes after IEND are not part of the image and are left out.
   */
  static List<Chunk> read(byte[] png) throws PngFormatException {
    if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new PngFormatException("not a PNG image: it does not start with the PNG signature");
    }
    List<Chunk> chunks = new ArrayList<>();
    int position = SIGNATURE.length;
    while (true) {
      if (png.length - position < 12) {
        throw new PngFormatException("the PNG is truncated: it ends before its IEND chunk");
      }
      long length = readInt(png, position) & 0xffffffffL;
      if (length > png.length - position - 12L) {
        throw new PngFormatException("the PNG is truncated or damaged: chunk " + (chunks.size() + 1) + " claims "
            + length + " bytes, more than the file holds");
      }
      String type = chunkType(png, position + 4);
      Chunk chunk = new Chunk(type, position, (int) length);
      CRC32 crc = new CRC32();
      crc.update(png, position + 4, 4 + chunk.dataLength());
      if ((int) crc.getValue() != readInt(png, chunk.end() - 4)) {
        throw new PngFormatException("the PNG is damaged: the CRC of its " + type + " chunk does not match");
      }
      if (chunks.isEmpty() && (!type.equals("IHDR") || length != 13)) {
        throw new PngFormatException("not a valid PNG: its first chunk is not a 13-byte IHDR");
      }
      chunks.add(chunk);
      position = chunk.end();
      if (type.equals("IEND")) {
        return chunks;
      }
    }
  }

  static void write(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    writeInt(out, data.length);
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    writeInt(out, (int) crc.getValue());
  }

  private static String chunkType(byte[] png, int at) throws PngFormatException {
    for (int i = at; i < at + 4; i++) {
      int c = png[i] & 0xff;
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        throw new PngFormatException("the PNG is damaged: a chunk type is not four letters");
      }
    }
    return new String(png, at, 4, StandardCharsets.US_ASCII);
  }

  private static int readInt(byte[] data, int at) {
    return (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8 | data[at + 3] & 0xff;
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }
}
