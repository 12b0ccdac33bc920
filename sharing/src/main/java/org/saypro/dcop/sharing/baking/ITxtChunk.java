package org.saypro.dcop.sharing.baking;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PNG {@code iTXt} chunk: keyword (Latin-1, 1 to 79 bytes), NUL, compression flag, compression method, language
 * tag, NUL, translated keyword, NUL, UTF-8 text. Open Badges bakes without compression and with both tags empty.
 */
final class ITxtChunk {

  static final String TYPE = "iTXt";

  private ITxtChunk() {}

  static byte[] uncompressed(String keyword, String text) {
    ByteArrayOutputStream data = new ByteArrayOutputStream(keyword.length() + text.length() + 5);
    data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
    data.writeBytes(new byte[] {0, 0, 0, 0, 0});
    data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return data.toByteArray();
  }

  /** The chunk's keyword, if its data starts with one; only the first 80 bytes are looked at. */
  static Optional<String> keyword(byte[] png, PngChunks.Chunk chunk) {
    int limit = Math.min(chunk.dataLength(), 80);
    for (int i = 0; i < limit; i++) {
      if (png[chunk.dataStart() + i] == 0) {
        return i == 0 ? Optional.empty()
            : Optional.of(new String(png, chunk.dataStart(), i, StandardCharsets.ISO_8859_1));
      }
    }
    return Optional.empty();
  }

  /** The text bytes of an uncompressed chunk whose keyword is {@code keyword}. */
  static ByteBuffer text(byte[] png, PngChunks.Chunk chunk, String keyword) throws PngFormatException {
    int position = chunk.dataStart() + keyword.length() + 1;
    int end = chunk.dataStart() + chunk.dataLength();
    if (end - position < 2) {
      throw new PngFormatException("the " + keyword + " chunk ends after its keyword");
    }
    if (png[position] != 0) {
      throw new PngFormatException("the " + keyword + " chunk is compressed, which Open Badges baking forbids");
    }
    position = afterNul(png, afterNul(png, position + 2, end, keyword), end, keyword);
    return ByteBuffer.wrap(png, position, end - position);
  }

  private static int afterNul(byte[] png, int from, int end, String keyword) throws PngFormatException {
    for (int i = from; i < end; i++) {
      if (png[i] == 0) {
        return i + 1;
      }
    }
    throw new PngFormatException("the " + keyword + " chunk's language tags do not end");
  }
}
