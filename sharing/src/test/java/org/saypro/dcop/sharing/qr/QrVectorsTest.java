package org.saypro.dcop.sharing.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.json.Json;

/**
 * Walks {@code vectors/qr} (written by {@link QrVectorGenerator}): photos, screenshots and inverted codes decode to the
 * page link; bombs, damaged and foreign files give the outcome {@code expected.json} names, never an exception.
 */
class QrVectorsTest {

  private static final ZxingQrDecoder DECODER = new ZxingQrDecoder();

  static Path dir() throws URISyntaxException {
    return Paths.get(QrVectorsTest.class.getResource("/vectors/qr").toURI());
  }

  static JsonNode expected() throws IOException, URISyntaxException {
    return Json.parse(Files.readAllBytes(dir().resolve("expected.json")));
  }

  static Stream<Arguments> vectors() throws IOException, URISyntaxException {
    JsonNode expected = expected();
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.getFileName().toString().matches(".+\\.(good|bad)\\.[a-z]+")).sorted().toList()
          .stream().map(p -> Arguments.of(p.getFileName().toString(), p, expected.get(p.getFileName().toString())));
    }
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
  void everyVectorHasAnExpectation() throws IOException, URISyntaxException {
    Set<String> files;
    try (Stream<Path> listing = Files.list(dir())) {
      files = listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.json"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> named = new TreeSet<>();
    expected().fieldNames().forEachRemaining(named::add);
    assertEquals(named, files);
  }
}
