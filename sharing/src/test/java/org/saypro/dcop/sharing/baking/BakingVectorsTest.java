package org.saypro.dcop.sharing.baking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.SharingFixtures;

/**
 * Walks {@code vectors/baking} (written by {@link BakingVectorGenerator}): each file is unbaked and must give the
 * outcome {@code expected.json} names; a found vc+jwt is verified too, so a tampered text is caught there.
 */
class BakingVectorsTest {

  static Path dir() throws URISyntaxException {
    return Paths.get(BakingVectorsTest.class.getResource("/vectors/baking").toURI());
  }

  static JsonNode expected() throws IOException, URISyntaxException {
    return Json.parse(Files.readAllBytes(dir().resolve("expected.json")));
  }

  static Stream<Arguments> vectors() throws IOException, URISyntaxException {
    JsonNode expected = expected();
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.getFileName().toString().matches(".+\\.(good|bad)\\.(png|svg)")).sorted().toList()
          .stream().map(p -> Arguments.of(p.getFileName().toString(), p, expected.get(p.getFileName().toString())));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String name, Path file, JsonNode expected) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Unbaked unbaked = name.endsWith(".png") ? PngBaker.unbake(bytes) : SvgBaker.unbake(bytes);

    assertEquals(expected.get("outcome").asText(), unbaked.getClass().getSimpleName(), name + ": " + unbaked);
    if (unbaked instanceof Unbaked.Found found) {
      assertTrue(name.contains(".good."), name);
      CredentialText credential = found.credential();
      assertEquals(expected.get("credential").asText(), credential instanceof CredentialText.Jws ? "jwt" : "json");
      if (credential instanceof CredentialText.Jws jws) {
        assertEquals(expected.get("verifies").asBoolean(), SharingFixtures.verifierKnowingOnly(SharingFixtures.KEY)
            .verify(new SecuredInput.VcJwt(jws.text())).verified(), name);
      } else {
        assertEquals(BakingVectorGenerator.json(), credential.text(), "CDATA split at ]]> and joined again");
      }
    } else {
      String reason = unbaked instanceof Unbaked.NotBaked n ? n.reason() : ((Unbaked.Invalid) unbaked).reason();
      assertTrue(reason.contains(expected.get("reasonContains").asText()), name + ": " + reason);
    }
  }

  @Test
  void everyVectorHasAnExpectation() throws IOException, URISyntaxException {
    Set<String> files;
    try (Stream<Path> listing = Files.list(dir())) {
      files = listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.json"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> named = new TreeSet<>();
    expected().fieldNames().forEachRemaining(named::add);
    assertEquals(named, files);
  }
}
