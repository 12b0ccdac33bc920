package org.saypro.dcop.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inclusion and consistency probes of transparency-dev/merkle ({@code testdata/}): every happy path verifies and
 * every corrupted probe is rejected, as {@code proof/verify_test.go} demands of the Go implementation.
 */
class MerkleVectorsTest {

  /**
   * The one probe we knowingly decide differently. Its "roots" are 12 bytes ("don't care 2"); the Go code accepts
   * equal sizes with equal roots without looking at them, but here every hash must be a 32-byte SHA-256 value first.
   */
  static final String MALFORMED_ROOTS_ACCEPTED_UPSTREAM =
      "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json";

  static List<String> inclusion() {
    return MerkleVectors.files("inclusion");
  }

  static List<String> consistency() {
    return MerkleVectors.files("consistency");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inclusion")
  void inclusionProbe(String file) {
    JsonNode probe = MerkleVectors.read(file);
    ProofCheck check =
        InclusionProofVerifier.verify(
            MerkleVectors.uint64(probe.get("leafIdx")),
            MerkleVectors.uint64(probe.get("treeSize")),
            MerkleVectors.bytes(probe.get("leafHash")),
            MerkleVectors.proof(probe.get("proof")),
            MerkleVectors.bytes(probe.get("root")));
    assertAsStated(file, probe, check);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consistency")
  void consistencyProbe(String file) {
    JsonNode probe = MerkleVectors.read(file);
    ProofCheck check =
        ConsistencyProofVerifier.verify(
            MerkleVectors.uint64(probe.get("size1")),
            MerkleVectors.uint64(probe.get("size2")),
            MerkleVectors.bytes(probe.get("root1")),
            MerkleVectors.bytes(probe.get("root2")),
            MerkleVectors.proof(probe.get("proof")));
    if (file.equals(MALFORMED_ROOTS_ACCEPTED_UPSTREAM)) {
      assertEquals(new ProofCheck.Invalid(new ProofFailure.MalformedHash("old root", 12)), check);
      return;
    }
    assertAsStated(file, probe, check);
  }

  private static void assertAsStated(String file, JsonNode probe, ProofCheck check) {
    boolean wantError = probe.get("wantErr").asBoolean();
    String why = check instanceof ProofCheck.Invalid invalid ? invalid.failure().describe() : "valid";
    assertEquals(!wantError, check.isValid(), file + " (" + probe.get("desc").asText() + "): " + why);
    if (check instanceof ProofCheck.Invalid invalid) {
      assertInstanceOf(expectedFailure(file), invalid.failure(), file + ": " + why);
    }
  }

  /**
   * The reason a corruption must be reported with, read from the name the generator gave it. Changed indices and
   * sizes, and the hand-written "additional" probes, can fail for several reasons depending on the tree's shape, so
   * for those any reason will do.
   */
  private static Class<? extends ProofFailure> expectedFailure(String file) {
    String name = Path.of(file).getFileName().toString();
    if (file.contains("/additional/") || name.matches("(leafIdx|treeSize|size1|size2)-.*")) {
      return ProofFailure.class;
    }
    if (file.contains("/single-entry/")) {
      return ProofFailure.MalformedHash.class; // its failing probes leave the leaf or the root empty
    }
    if (name.matches("(modified-proof|random-root|swapped-roots|empty-root\\.json).*")) {
      return ProofFailure.RootMismatch.class;
    }
    if (name.matches(".*(garbage|wrong-leaf|wrong-root).*")) {
      return ProofFailure.MalformedHash.class;
    }
    if (name.matches("(preceding|trailing)-(root|proof).*|(inserted|removed)-component.*|(empty|truncated)-proof.*")) {
      return ProofFailure.WrongProofLength.class;
    }
    throw new AssertionError("a corruption this test does not know: " + file);
  }

  /** The copies are byte-exact: each file hashes to the value recorded from the upstream commit. */
  @Test
  void vectorsAreTheUpstreamBytes() throws IOException {
    Path root = MerkleVectors.root();
    Map<String, String> recorded = new TreeMap<>();
    for (String line : Files.readAllLines(root.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
      recorded.put(line.substring(66), line.substring(0, 64));
    }
    Map<String, String> actual = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (!name.equals("SHA256SUMS") && !name.equals("README.md")) {
          actual.put(name, sha256(Files.readAllBytes(file)));
        }
      }
    }
    assertEquals(recorded, actual);
    assertEquals(
        Map.of("inclusion", 98L, "consistency", 98L, "LICENSE", 1L),
        actual.keySet().stream().collect(Collectors.groupingBy(f -> f.split("/")[0], Collectors.counting())),
        "98 inclusion and 98 consistency probes, and the licence");
  }

  private static String sha256(byte[] data) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }
}
