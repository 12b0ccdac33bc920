package org.saypro.dcop.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.saypro.dcop.core.json.Json;

/** Reads the transparency-dev/merkle probes copied under {@code vectors/merkle/} (see the README there). */
final class MerkleVectors {

  static final String ROOT = "/vectors/merkle/";

  private MerkleVectors() {}

  static Path root() {
    URL url = MerkleVectors.class.getResource(ROOT + "SHA256SUMS");
    if (url == null) {
      throw new IllegalStateException("vectors/merkle is missing from the test resources");
    }
    try {
      return Paths.get(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code .json} under {@code kind/}, as paths relative to the vectors root, sorted. */
  static List<String> files(String kind) {
    Path root = root();
    try (Stream<Path> walk = Files.walk(root.resolve(kind))) {
      List<String> files =
          walk.filter(p -> p.getFileName().toString().endsWith(".json"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new IllegalStateException("no " + kind + " vectors found");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String file) {
    try {
      return Json.parse(Files.readAllBytes(root().resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Go probes hold uint64 values; the same 64 bits as a Java long make 2^63 and above negative, which the
   * verifiers reject as out of range, as they would be for any real tree.
   */
  static long uint64(JsonNode node) {
    return Long.parseUnsignedLong(node.bigIntegerValue().toString());
  }

  /** Go's []byte marshals as base64; any length is kept, since malformed hashes are part of the probes. */
  static byte[] bytes(JsonNode node) {
    return Base64.getDecoder().decode(node.asText());
  }

  /** A Go nil slice marshals as null, which means no proof hashes. */
  static List<byte[]> proof(JsonNode node) {
    List<byte[]> proof = new ArrayList<>();
    if (node != null && !node.isNull()) {
      node.forEach(element -> proof.add(bytes(element)));
    }
    return proof;
  }
}
