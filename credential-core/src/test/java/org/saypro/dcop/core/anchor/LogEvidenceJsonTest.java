package org.saypro.dcop.core.anchor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.anchor.HostedLogEvidence.Evidence;
import org.saypro.dcop.core.json.Json;

/** The wire form of log evidence: {@code vectors/log-evidence/*.good.json} round-trip, {@code *.bad.json} are refused. */
class LogEvidenceJsonTest {

  static List<Path> vectors() throws IOException, URISyntaxException {
    Path dir = Paths.get(LogEvidenceJsonTest.class.getResource("/vectors/log-evidence").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void goodVectorsRoundTripAndBadOnesAreRefusedWithAReason(Path file) throws IOException {
    JsonNode json = Json.parse(Files.readAllBytes(file));
    if (file.getFileName().toString().endsWith(".good.json")) {
      Evidence evidence = LogEvidenceJson.read(json);
      assertEquals(json, Json.parse(Json.writeString(LogEvidenceJson.write(evidence))), "written back as read");
    } else {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LogEvidenceJson.read(json));
      assertFalse(refused.getMessage().isBlank());
    }
  }

  @Test
  void anAnchoredVectorCarriesEveryPart() throws Exception {
    Evidence evidence =
        LogEvidenceJson.read(Json.parse(Files.readAllBytes(
            Paths.get(getClass().getResource("/vectors/log-evidence/anchored.good.json").toURI()))));
    assertEquals(5, evidence.leafIndex().getAsLong());
    HostedLogEvidence.Anchored anchored = evidence.anchored().orElseThrow();
    assertEquals(8, anchored.anchoredSize());
    assertEquals(3, anchored.inclusionPath().size());
    assertEquals(10, anchored.newestSize());
    assertEquals(2, anchored.consistencyPath().size());
    assertEquals(12, anchored.blockNumber());
  }

  @Test
  void aPathLongerThanAnyTreeCouldNeedIsRefused() throws Exception {
    ObjectNode json = (ObjectNode) Json.parse(Files.readAllBytes(
        Paths.get(getClass().getResource("/vectors/log-evidence/anchored.good.json").toURI())));
    var path = ((ObjectNode) json.get("anchor")).putArray("inclusionPath");
    for (int i = 0; i < 65; i++) {
      path.add("ab".repeat(32));
    }
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LogEvidenceJson.read(json));
    assertTrue(refused.getMessage().contains("at most 64"), refused.getMessage());
  }
}
