package org.saypro.dcop.core.dataintegrity;

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

/** The committed negative vectors are exactly what the generator writes: none edited by hand, none stale. */
class DataIntegrityNegativeVectorGeneratorTest {

  @Test
  void committedVectorsMatchTheGenerator() throws IOException, URISyntaxException {
    Path dir =
        Paths.get(DataIntegrityNegativeVectorGeneratorTest.class.getResource(SpecVectors.ROOT + "negative").toURI());
    Map<String, String> committed = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        committed.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    Map<String, String> generated = new TreeMap<>(DataIntegrityNegativeVectorGenerator.render());

    assertEquals(new TreeSet<>(generated.keySet()), new TreeSet<>(committed.keySet()),
        "negative vector files differ from the generator's; run DataIntegrityNegativeVectorGenerator");
    for (Map.Entry<String, String> file : generated.entrySet()) {
      assertEquals(file.getValue(), committed.get(file.getKey()),
          file.getKey() + " differs from the generator's output; run DataIntegrityNegativeVectorGenerator");
    }
  }

  @Test
  void changedProofValueStaysA64ByteSignature() {
    String original = SpecVectors.Suite.EDDSA.text("sigBTC58");
    String changed = DataIntegrityNegativeVectorGenerator.changeOneCharacter(original);
    assertEquals(original.length(), changed.length());
    int differing = 0;
    for (int i = 0; i < original.length(); i++) {
      if (original.charAt(i) != changed.charAt(i)) {
        differing++;
      }
    }
    assertEquals(1, differing);
  }
}
