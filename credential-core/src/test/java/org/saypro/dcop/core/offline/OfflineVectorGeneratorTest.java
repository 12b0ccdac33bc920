package org.saypro.dcop.core.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed offline vectors are exactly what the generator writes: none edited by hand, none stale. */
class OfflineVectorGeneratorTest {

  @Test
  void committedVectorsMatchTheGenerator() throws IOException, URISyntaxException {
    Path dir = Paths.get(OfflineVectorGeneratorTest.class.getResource("/vectors/offline").toURI());
    Map<String, String> committed = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        committed.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertEquals(new TreeMap<>(OfflineVectorGenerator.render()), committed,
        "vector files differ from the generator's; run OfflineVectorGenerator");
  }
}
