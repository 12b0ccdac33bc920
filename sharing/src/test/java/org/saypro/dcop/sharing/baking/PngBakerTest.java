package org.saypro.dcop.sharing.baking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.sharing.CredentialText;

/** Baking and unbaking PNG: round trips, placement, replacement, and the image left as it was. */
class PngBakerTest {

  private static final CredentialText JWS = new CredentialText.Jws(BakingVectorGenerator.jws());
  private static final CredentialText JSON = new CredentialText.Json(BakingVectorGenerator.json());

  private static byte[] bake(byte[] png, CredentialText credential) {
    return assertInstanceOf(Baking.Baked.class, PngBaker.bake(png, credential)).bytes();
  }

  @Test
  void bothFormsRoundTrip() {
    for (CredentialText credential : List.of(JWS, JSON)) {
      Unbaked unbaked = PngBaker.unbake(bake(DefaultBadge.png(), credential));
      assertEquals(credential, assertInstanceOf(Unbaked.Found.class, unbaked).credential());
    }
  }

  @Test
  void theChunkIsAnUncompressedITxtRightAfterTheHeader() throws Exception {
    byte[] baked = bake(DefaultBadge.png(), JWS);

    List<PngChunks.Chunk> chunks = PngChunks.read(baked);
    assertEquals("IHDR", chunks.get(0).type());
    assertEquals("iTXt", chunks.get(1).type());
    assertEquals(PngBaker.KEYWORD, ITxtChunk.keyword(baked, chunks.get(1)).orElseThrow());
    int flags = chunks.get(1).dataStart() + PngBaker.KEYWORD.length() + 1;
    assertEquals(0, baked[flags], "compression flag");
    assertEquals(0, baked[flags + 1], "compression method");
  }

  @Test
  void bakingAgainReplacesTheCredential() throws Exception {
    byte[] once = bake(DefaultBadge.png(), JWS);
    byte[] twice = bake(once, JSON);

    assertEquals(JSON, assertInstanceOf(Unbaked.Found.class, PngBaker.unbake(twice)).credential());
    long credentials = PngChunks.read(twice).stream().filter(c -> c.type().equals(ITxtChunk.TYPE))
        .filter(c -> ITxtChunk.keyword(twice, c).orElse("").equals(PngBaker.KEYWORD)).count();
    assertEquals(1, credentials);
    assertArrayEquals(once, bake(twice, JWS), "baking is a pure function of the image and the credential");
  }

  @Test
  void theBakedImageShowsTheSamePixels() throws IOException {
    BufferedImage before = ImageIO.read(new ByteArrayInputStream(DefaultBadge.png()));
    BufferedImage after = ImageIO.read(new ByteArrayInputStream(bake(DefaultBadge.png(), JWS)));
    for (int y = 0; y < before.getHeight(); y += 7) {
      for (int x = 0; x < before.getWidth(); x += 7) {
        assertEquals(before.getRGB(x, y), after.getRGB(x, y));
      }
    }
  }

  @Test
  void aDamagedOrForeignImageIsNotBaked() {
    byte[] baked = bake(DefaultBadge.png(), JWS);
    baked[40] ^= 1;
    assertTrue(assertInstanceOf(Baking.Refused.class, PngBaker.bake(baked, JWS)).reason().contains("CRC"));
    assertInstanceOf(Baking.Refused.class, PngBaker.bake(DefaultBadge.svg(), JWS));
  }

  @Test
  void aCredentialChunkOverTheLimitIsRefusedWithoutDecodingIt() {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(DefaultBadge.png(), 0, 33);
    PngChunks.write(png, "iTXt", ITxtChunk.uncompressed(PngBaker.KEYWORD, "x".repeat(CredentialText.MAX_BYTES + 1)));
    png.write(DefaultBadge.png(), 33, DefaultBadge.png().length - 33);

    Unbaked unbaked = PngBaker.unbake(png.toByteArray());

    assertTrue(assertInstanceOf(Unbaked.Invalid.class, unbaked).reason().contains("larger than"));
  }

  @Test
  void emptyInputIsInvalidNotAnException() {
    assertInstanceOf(Unbaked.Invalid.class, PngBaker.unbake(new byte[0]));
    assertInstanceOf(Unbaked.Invalid.class, PngBaker.unbake(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
  }
}
