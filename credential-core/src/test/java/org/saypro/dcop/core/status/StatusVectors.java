package org.saypro.dcop.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.saypro.dcop.core.json.Json;

/** Reads {@code vectors/status/<topic>/*.good.json} and {@code *.bad.json} as (file name, vector) arguments. */
final class StatusVectors {
  private StatusVectors() {}

  static Stream<Arguments> of(String topic) {
    URL url = StatusVectors.class.getResource("/vectors/status/" + topic);
    if (url == null) {
      throw new IllegalStateException("vectors/status/" + topic + " is missing from the test resources");
    }
    try (Stream<Path> listing = Files.list(Paths.get(url.toURI()))) {
      List<Path> files =
          listing.filter(p -> p.getFileName().toString().matches(".+\\.(good|bad)\\.json")).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalStateException("no vectors in vectors/status/" + topic);
      }
      return files.stream().map(p -> Arguments.of(p.getFileName().toString(), read(p)));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return Json.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(String topic, String name) {
    try {
      return read(Paths.get(StatusVectors.class.getResource("/vectors/status/" + topic + "/" + name).toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
