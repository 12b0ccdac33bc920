package org.saypro.dcop.sharing.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.sharing.VectorFiles;

/**
 * Walks {@code vectors/qr} (written by {@link QrVectorGenerator}): photos, screenshots and inverted codes decode to the
 * page link; bombs, damaged and foreign files give the outcome {@code expected.json} names, never an exception.
 */
class QrVectorsTest {

  private static final ZxingQrDecoder DECODER = new ZxingQrDecoder();
  private static final VectorFiles VECTORS = new VectorFiles("qr");

  static Stream<Arguments> vectors() {
    return VECTORS.cases().stream().map(p -> Arguments.of(p.getFileName().toString(), p, VECTORS.expected(p)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String name, Path file, JsonNode expected) throws IOException {
    QrDecoding decoding = DECODER.decode(Files.readAllBytes(file));

    assertEquals(expected.get("outcome").asText(), decoding.getClass().getSimpleName(), name + ": " + decoding);
    if (decoding instanceof QrDecoding.Found found) {
      assertTrue(name.contains(".good."), name);
      assertEquals(QrVectorGenerator.PAGE_URL, found.text());
    } else {
      String reason = decoding instanceof QrDecoding.NotFound n ? n.reason() : ((QrDecoding.Unreadable) decoding).reason();
      assertTrue(reason.contains(expected.get("reasonContains").asText()), name + ": " + reason);
    }
  }

  @Test
  void everyVectorHasAnExpectation() {
    VECTORS.assertEveryCaseExpected();
  }
}
