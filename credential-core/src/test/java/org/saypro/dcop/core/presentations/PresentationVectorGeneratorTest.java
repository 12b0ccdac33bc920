package org.saypro.dcop.core.presentations;

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

/** The committed presentation vectors are exactly what the generator writes: none edited by hand, none stale. */
class PresentationVectorGeneratorTest {

  @Test
  void committedVectorsMatchTheGenerator() throws IOException, URISyntaxException {
    Path dir = Paths.get(PresentationVectorGeneratorTest.class.getResource("/vectors/presentations").toURI());
    Map<String, String> committed = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        committed.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    Map<String, String> generated = new TreeMap<>(PresentationVectorGenerator.render());

    assertEquals(new TreeSet<>(generated.keySet()), new TreeSet<>(committed.keySet()),
        "vector files differ from the generator's; run PresentationVectorGenerator");
    for (Map.Entry<String, String> file : generated.entrySet()) {
      assertEquals(file.getValue(), committed.get(file.getKey()),
          file.getKey() + " differs from the generator's output; run PresentationVectorGenerator");
    }
  }

  @Test
  void renderingIsDeterministic() {
    assertEquals(PresentationVectorGenerator.render(), PresentationVectorGenerator.render());
  }

  @Test
  void theKeysAreTheirOwnDidKeys() {
    for (var key : new org.saypro.dcop.core.keys.SigningKey[] {
        PresentationVectorGenerator.ISSUER, PresentationVectorGenerator.HOLDER, PresentationVectorGenerator.STRANGER}) {
      String did = key.controller();
      assertEquals(did + "#" + did.substring("did:key:".length()), key.multikeyVerificationMethodId());
    }
  }
}
