package org.saypro.dcop.sharing.baking;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.sharing.CredentialText;

/**
 * Open Badges 3.0 baking for PNG (section 5.3.1): the credential goes in an uncompressed {@code iTXt} chunk with
 * keyword {@code openbadgecredential}, placed right after IHDR; a credential already baked in is replaced, since the
 * specification allows only one. The file's size is the caller's to limit; here every chunk is checked against it.
 */
public final class PngBaker {

  public static final String KEYWORD = "openbadgecredential";

  /** The keyword Open Badges 2.0 used for its assertions. */
  private static final String OPEN_BADGES_2_KEYWORD = "openbadges";

  /** Keyword, NUL, two flags, two empty tags with their NULs, then the text. */
  private static final long MAX_CHUNK_BYTES = KEYWORD.length() + 5L + CredentialText.MAX_BYTES;

  private PngBaker() {}

  public static Baking bake(byte[] png, CredentialText credential) {
    List<PngChunks.Chunk> chunks;
    try {
      chunks = PngChunks.read(png);
    } catch (PngFormatException e) {
      return new Baking.Refused(e.getMessage());
    }
    ByteArrayOutputStream baked = new ByteArrayOutputStream(png.length + credential.text().length() + 64);
    baked.writeBytes(PngChunks.SIGNATURE);
    PngChunks.Chunk header = chunks.get(0);
    baked.write(png, header.start(), header.end() - header.start());
    PngChunks.write(baked, ITxtChunk.TYPE, ITxtChunk.uncompressed(KEYWORD, credential.text()));
    for (PngChunks.Chunk chunk : chunks.subList(1, chunks.size())) {
      if (!isCredential(png, chunk)) {
        baked.write(png, chunk.start(), chunk.end() - chunk.start());
      }
    }
    return new Baking.Baked(baked.toByteArray());
  }

  /** The first baked credential, as the specification reads it; never throws, whatever the file. */
  public static Unbaked unbake(byte[] png) {
    try {
      boolean openBadges2 = false;
      for (PngChunks.Chunk chunk : PngChunks.read(png)) {
        if (isCredential(png, chunk)) {
          if (chunk.dataLength() > MAX_CHUNK_BYTES) {
            return new Unbaked.Invalid("the baked credential is larger than " + CredentialText.MAX_BYTES + " bytes");
          }
          return Unbaked.fromUtf8(ITxtChunk.text(png, chunk, KEYWORD));
        }
        openBadges2 |= keyword(png, chunk).filter(OPEN_BADGES_2_KEYWORD::equals).isPresent();
      }
      return new Unbaked.NotBaked(openBadges2
          ? "the image holds an Open Badges 2.0 assertion, not an Open Badges 3.0 credential"
          : "the image has no baked Open Badges credential");
    } catch (PngFormatException e) {
      return new Unbaked.Invalid(e.getMessage());
    }
  }

  private static boolean isCredential(byte[] png, PngChunks.Chunk chunk) {
    return keyword(png, chunk).filter(KEYWORD::equals).isPresent();
  }

  private static Optional<String> keyword(byte[] png, PngChunks.Chunk chunk) {
    return chunk.type().equals(ITxtChunk.TYPE) ? ITxtChunk.keyword(png, chunk) : Optional.empty();
  }
}
