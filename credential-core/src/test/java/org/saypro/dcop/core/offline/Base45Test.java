package org.saypro.dcop.core.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 9285's examples, round trips of every length, and the texts a strict decoder must refuse. */
class Base45Test {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "AB|BB8",
      "Hello!!|%69 VD92EX0",
      "base-45|UJCLQE7W581",
      "ietf!|QED8WEX0"})
  void rfc9285Examples(String bytes, String text) {
    assertEquals(text, Base45.encode(bytes.getBytes(StandardCharsets.US_ASCII)));
    assertArrayEquals(bytes.getBytes(StandardCharsets.US_ASCII), Base45.decode(text));
  }

  @Test
  void everyLengthRoundTripsAndHasThePredictedLength() {
    Random random = new Random(45);
    for (int length = 0; length < 300; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      String text = Base45.encode(data);
      assertEquals(Base45.encodedLength(length), text.length());
      assertArrayEquals(data, Base45.decode(text));
    }
  }

  @Test
  void extremeValuesRoundTrip() {
    byte[] data = {(byte) 0xff, (byte) 0xff, 0, 0, (byte) 0xff};
    assertEquals("FGW000U5", Base45.encode(data));
    assertArrayEquals(data, Base45.decode("FGW000U5"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "GGW", // 65536: one more than two bytes hold
      ":::", // the largest three-character value
      "V5", // 256: one more than a trailing byte holds
      "BB8A", // a dangling fourth character
      "bb8", // lower case is not in the alphabet
      "BB\n", // nor are control characters
      "BB\u00c9"}) // nor anything beyond ASCII
  void strictDecodingRefuses(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base45.decode(text));
    assertTrue(e.getMessage().length() > 10, e.getMessage());
  }
}
