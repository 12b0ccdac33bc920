package org.saypro.dcop.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.status.EncodedListException.Problem;

/**
 * {@code vectors/status/encoded-list}: the specification's example and lists made by another GZIP implementation
 * decode to the stated bits and survive re-encoding; every bad value fails with the stated problem.
 */
class EncodedListTest {

  static Stream<Arguments> vectors() {
    return StatusVectors.of("encoded-list");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String file, JsonNode vector) throws EncodedListException {
    assertTrue(vector.path("description").isTextual(), "every vector describes itself");
    assertTrue(vector.path("source").isTextual(), "every vector names its source");
    String encoded = vector.get("encodedList").textValue();
    JsonNode expected = vector.get("expected");
    if (file.endsWith(".bad.json")) {
      EncodedListException e = assertThrows(EncodedListException.class, () -> EncodedList.standard().decode(encoded));
      assertEquals(Problem.valueOf(expected.get("problem").textValue()), e.problem(), e.getMessage());
      return;
    }
    Bitstring bits = EncodedList.standard().decode(encoded);
    assertEquals(expected.get("entries").longValue(), bits.length());
    assertEquals(setIndexes(expected.get("set")), setIndexes(bits));

    Bitstring again = EncodedList.standard().decode(EncodedList.encode(bits));
    assertEquals(bits, again, "re-encoding keeps every bit");
  }

  @Test
  void theSpecificationsExampleIsAnEmptyMinimumList() throws EncodedListException {
    JsonNode vector = StatusVectors.read("encoded-list", "spec-example-all-zero.good.json");
    Bitstring bits = EncodedList.standard().decode(vector.get("encodedList").textValue());
    assertEquals(Bitstring.forNewList(Bitstring.MIN_ENTRIES), bits);
  }

  @Test
  void boundaryBitsRoundTrip() throws EncodedListException {
    for (long index : new long[] {0, 1, 7, 8, 131_071}) {
      Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
      bits.set(index, true);
      Bitstring decoded = EncodedList.standard().decode(EncodedList.encode(bits));
      assertEquals(List.of(index), setIndexes(decoded), "bit " + index);
    }
    Bitstring all = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    for (long index : new long[] {0, 1, 7, 8, 131_071}) {
      all.set(index, true);
    }
    assertEquals(List.of(0L, 1L, 7L, 8L, 131_071L), setIndexes(EncodedList.standard().decode(EncodedList.encode(all))));
  }

  @Test
  void encodingIsMultibaseBase64urlOfGzip() throws EncodedListException {
    String encoded = EncodedList.encode(Bitstring.forNewList(Bitstring.MIN_ENTRIES));
    assertTrue(encoded.startsWith("uH4sI"), "u, then base64url of the GZIP magic 1f 8b 08: " + encoded);
    assertTrue(encoded.matches("u[A-Za-z0-9_-]+"), "no padding, no other alphabet: " + encoded);
    assertTrue(encoded.length() < 100, "an empty list compresses to a few dozen bytes");
    assertEquals(encoded, EncodedList.encode(Bitstring.forNewList(Bitstring.MIN_ENTRIES)), "deterministic");
  }

  @Test
  void aDenseListRoundTrips() throws EncodedListException {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 60_000; i++) {
      bits.set(random.nextLong(bits.length()), true);
    }
    assertEquals(bits, EncodedList.standard().decode(EncodedList.encode(bits)));
  }

  @Test
  void aGzipBombIsRefusedAtTheLimit() {
    // 64 MiB of zeros compress to about 64 KB; the decoder must stop at 16 MiB instead of inflating it all.
    String bomb = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzipOfZeros(64L * 1024 * 1024));
    assertTrue(bomb.length() < 200_000, "the bomb is small: " + bomb.length());
    EncodedListException e = assertThrows(EncodedListException.class, () -> EncodedList.standard().decode(bomb));
    assertEquals(Problem.TOO_LARGE, e.problem());
    assertTrue(e.getMessage().contains(Long.toString(EncodedList.DEFAULT_MAX_DECODED_BYTES)), e.getMessage());
  }

  @Test
  void theLimitIsInclusive() throws EncodedListException {
    EncodedList decoder = EncodedList.withLimit(16_384);
    Bitstring atLimit = Bitstring.forNewList(131_072);
    assertEquals(atLimit, decoder.decode(EncodedList.encode(atLimit)));
    Bitstring overLimit = Bitstring.forNewList(131_080);
    EncodedListException e =
        assertThrows(EncodedListException.class, () -> decoder.decode(EncodedList.encode(overLimit)));
    assertEquals(Problem.TOO_LARGE, e.problem());
  }

  @Test
  void theLimitCountsEveryMember() {
    // Two members of 10 KB each are 20 KB together, over a 16 KB limit that each member alone is under.
    byte[] member = gzipOfZeros(10_240);
    byte[] twice = new byte[member.length * 2];
    System.arraycopy(member, 0, twice, 0, member.length);
    System.arraycopy(member, 0, twice, member.length, member.length);
    String encoded = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(twice);
    EncodedListException e =
        assertThrows(EncodedListException.class, () -> EncodedList.withLimit(16_384).decode(encoded));
    assertEquals(Problem.TOO_LARGE, e.problem());
  }

  @Test
  void overlongTextIsRefusedBeforeDecoding() {
    String encoded = "u" + "A".repeat(30_000);
    EncodedListException e =
        assertThrows(EncodedListException.class, () -> EncodedList.withLimit(16_384).decode(encoded));
    assertEquals(Problem.TOO_LARGE, e.problem());
  }

  @Test
  void errorsDoNotEchoTheInput() {
    String secretish = "zSECRET-LOOKING-VALUE";
    EncodedListException e = assertThrows(EncodedListException.class, () -> EncodedList.standard().decode(secretish));
    assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
  }

  @Test
  void limitsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> EncodedList.withLimit(0));
    assertThrows(IllegalArgumentException.class, () -> EncodedList.withLimit(Long.MAX_VALUE));
    assertEquals(EncodedList.DEFAULT_MAX_DECODED_BYTES, EncodedList.standard().maxDecodedBytes());
  }

  /** One GZIP member holding {@code size} zero bytes, deflated in chunks so the test never holds them all. */
  static byte[] gzipOfZeros(long size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    CRC32 crc = new CRC32();
    byte[] zeros = new byte[1024 * 1024];
    byte[] buffer = new byte[64 * 1024];
    try {
      for (long left = size; left > 0; left -= zeros.length) {
        int n = (int) Math.min(zeros.length, left);
        crc.update(zeros, 0, n);
        deflater.setInput(zeros, 0, n);
        while (!deflater.needsInput()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
      }
      deflater.finish();
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    } finally {
      deflater.end();
    }
    for (long value : new long[] {crc.getValue(), size}) {
      for (int shift = 0; shift < 32; shift += 8) {
        out.write((int) (value >>> shift));
      }
    }
    return out.toByteArray();
  }

  static List<Long> setIndexes(Bitstring bits) {
    List<Long> set = new ArrayList<>();
    byte[] bytes = bits.toByteArray();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != 0) {
        for (int bit = 0; bit < 8; bit++) {
          if (bits.get(i * 8L + bit)) {
            set.add(i * 8L + bit);
          }
        }
      }
    }
    return set;
  }

  private static List<Long> setIndexes(JsonNode array) {
    List<Long> set = new ArrayList<>();
    array.forEach(n -> set.add(n.longValue()));
    return set;
  }
}
