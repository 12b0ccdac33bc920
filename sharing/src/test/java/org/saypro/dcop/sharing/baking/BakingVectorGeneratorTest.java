package org.saypro.dcop.sharing.baking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed baking vectors are exactly what the generator writes: none edited by hand, none stale. */
class BakingVectorGeneratorTest {

  @Test
  void committedVectorsMatchTheGenerator() throws IOException {
    for (Map.Entry<String, byte[]> file : BakingVectorGenerator.render().entrySet()) {
      var committed = BakingVectorsTest.VECTORS.dir().resolve(file.getKey());
      assertTrue(Files.exists(committed), file.getKey() + " is missing; run BakingVectorGenerator");
      assertArrayEquals(file.getValue(), Files.readAllBytes(committed),
          file.getKey() + " differs from the generator's output; run BakingVectorGenerator");
    }
  }
}
