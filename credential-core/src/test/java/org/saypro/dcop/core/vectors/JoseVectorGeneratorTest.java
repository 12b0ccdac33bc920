package org.saypro.dcop.core.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed vectors are exactly what the generator writes: nobody edited one by hand, none is stale. */
class JoseVectorGeneratorTest {

  @Test
  void committedVectorsMatchTheGenerator() throws IOException, URISyntaxException {
    Path dir = Paths.get(JoseVectorGeneratorTest.class.getResource("/vectors/vcjwt").toURI());
    Map<String, String> committed = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        committed.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    Map<String, String> generated = new TreeMap<>(JoseVectorGenerator.render());

    assertEquals(new TreeSet<>(generated.keySet()), new TreeSet<>(committed.keySet()),
        "vector files differ from the generator's; run JoseVectorGenerator");
    for (Map.Entry<String, String> file : generated.entrySet()) {
      assertEquals(file.getValue(), committed.get(file.getKey()),
          file.getKey() + " differs from the generator's output; run JoseVectorGenerator");
    }
  }

  @Test
  void theP256DidKeyEncodingAgreesWithTheW3cTestVector() {
    assertEquals(JoseVectorGenerator.ISSUER_P256_KEY_PUBLISHED, JoseVectorGenerator.ISSUER_P256_KEY.did());
  }
}
