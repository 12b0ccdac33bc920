package org.saypro.dcop.core.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;

/**
 * Walks {@code vectors/dataintegrity/negative/*.bad.json} (written by {@link DataIntegrityNegativeVectorGenerator}):
 * each signed document, checked with the key its proof names, must fail as the file states.
 */
class DataIntegrityNegativeVectorsTest {

  private static final RdfCanonicalizer CANONICALIZER = RdfCanonicalizer.bundled();
  private static final DataIntegrity DATA_INTEGRITY = new DataIntegrity(CANONICALIZER);

  static Stream<Arguments> vectors() throws IOException, URISyntaxException {
    URL url = DataIntegrityNegativeVectorsTest.class.getResource(SpecVectors.ROOT + "negative");
    if (url == null) {
      throw new IllegalStateException("vectors/dataintegrity/negative is missing from the test resources");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(Paths.get(url.toURI()))) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".bad.json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no negative vectors found");
    }
    return files.stream().map(p -> Arguments.of(p.getFileName().toString(), read(p)));
  }

  private static JsonNode read(Path file) {
    try {
      return Json.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void failsAsStated(String file, JsonNode vector) throws CanonicalizationException {
    assertTrue(vector.path("description").isTextual(), "every vector describes itself");
    assertTrue(vector.path("change").isTextual(), "every vector says what was changed");
    assertTrue(vector.path("document").isObject(), "every vector carries a document");
    ObjectNode document = (ObjectNode) vector.get("document");

    // it is a real change to a specification document whose proof verifies
    ObjectNode origin = SpecVectors.object(vector.path("derivedFrom").asText());
    assertNotEquals(origin, document, "the document differs from " + vector.get("derivedFrom"));
    DataIntegrityProof originProof = DataIntegrityProof.parse(origin.get("proof")).proof().orElseThrow();
    assertTrue(DATA_INTEGRITY.verify(origin, originProof, SpecVectors.resolveKey(originProof.verificationMethod())),
        "the origin verifies");

    // the proof is well formed, so the failure comes from the signature or the canonicalization
    DataIntegrityProof.Parsed parsed = DataIntegrityProof.parse(document.get("proof"));
    assertEquals(List.of(), parsed.errors(), "the proof itself is well formed");
    DataIntegrityProof proof = parsed.proof().orElseThrow();
    JWK key = SpecVectors.resolveKey(proof.verificationMethod());

    JsonNode expected = vector.path("expected");
    String outcome = expected.path("outcome").asText();
    if (DataIntegrityNegativeVectorGenerator.VERIFY_FALSE.equals(outcome)) {
      assertFalse(DATA_INTEGRITY.verify(document, proof, key), file + " must not verify");
    } else if (DataIntegrityNegativeVectorGenerator.CANONICALIZATION_ERROR.equals(outcome)) {
      String contains = expected.path("messageContains").asText();
      assertFalse(contains.isEmpty(), "a canonicalization error names the message it expects");
      CanonicalizationException inVerify =
          assertThrows(CanonicalizationException.class, () -> DATA_INTEGRITY.verify(document, proof, key));
      assertTrue(inVerify.getMessage().contains(contains), inVerify.getMessage());
      ObjectNode unsecured = document.deepCopy();
      unsecured.remove("proof");
      CanonicalizationException direct =
          assertThrows(CanonicalizationException.class, () -> CANONICALIZER.canonicalize(unsecured));
      assertTrue(direct.getMessage().contains(contains), direct.getMessage());
    } else {
      fail(file + ": unknown expected outcome '" + outcome + "'");
    }
  }
}
