package org.saypro.dcop.core.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * Walks {@code vectors/offline/*.json} (written by {@link OfflineVectorGenerator}): each text is decoded, and what
 * decodes is verified with only the issuer's public key. Bad texts come back as a rejection naming the problem.
 */
class OfflineVectorsTest {

  static Stream<Arguments> vectors() throws IOException, URISyntaxException {
    Path dir = Paths.get(OfflineVectorsTest.class.getResource("/vectors/offline").toURI());
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().matches(".+\\.(good|bad)\\.json")).sorted().toList();
    }
    return files.stream().map(p -> Arguments.of(p.getFileName().toString(), Json.parse(read(p))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String name, JsonNode vector) {
    String stage = vector.get("stage").asText();
    String reasonContains = vector.get("reasonContains").asText();
    OfflineDecoding decoding = OfflineCredentialCodec.decode(vector.get("text").asText());
    if (stage.equals("decode")) {
      String reason = assertInstanceOf(OfflineDecoding.Rejected.class, decoding, name).reason();
      assertTrue(reason.contains(reasonContains), name + ": " + reason);
      return;
    }
    String jws = assertInstanceOf(OfflineDecoding.Decoded.class, decoding, name).compactJws();
    VerificationReport report = OfflineFixtures.offlineVerifier().verify(new SecuredInput.VcJwt(jws));
    CheckResult signature = report.check(Checks.SIGNATURE).orElseThrow();
    if (stage.equals("good")) {
      assertTrue(report.verified(), () -> name + ": " + report.checks());
    } else {
      assertEquals(CheckResult.Status.FAILED, signature.status(), name);
      assertTrue(signature.detail().contains(reasonContains), name + ": " + signature.detail());
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
