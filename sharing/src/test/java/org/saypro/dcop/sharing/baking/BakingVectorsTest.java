package org.saypro.dcop.sharing.baking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.SharingFixtures;
import org.saypro.dcop.sharing.VectorFiles;

/**
 * Walks {@code vectors/baking} (written by {@link BakingVectorGenerator}): each file is unbaked and must give the
 * outcome {@code expected.json} names; a found vc+jwt is verified too, so a tampered text is caught there.
 */
class BakingVectorsTest {

  static final VectorFiles VECTORS = new VectorFiles("baking");

  static Stream<Arguments> vectors() {
    return VECTORS.cases().stream().map(p -> Arguments.of(p.getFileName().toString(), p, VECTORS.expected(p)));
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
  void everyVectorHasAnExpectation() {
    VECTORS.assertEveryCaseExpected();
  }
}
