package org.saypro.dcop.core.openbadges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.core.validation.OpenBadgesSchema;
import org.saypro.dcop.core.validation.Validation;

/**
 * The Open Badges 3.0 specification's own example credentials (copied from 1EdTech/openbadges-specification, see
 * {@code vectors/openbadges/README.md}) against the bundled 1EdTech AchievementCredential JSON Schema and the
 * credential validator, and schema failures reported at the right JSON Pointer.
 */
class OpenBadgesExamplesTest {

  private static final String DIR = "/vectors/openbadges/";
  private static final OpenBadgesSchema SCHEMA = OpenBadgesSchema.bundled();
  private static final CredentialValidator VALIDATOR = CredentialValidator.withBundledSchemas();

  /**
   * SHA-256 of every file copied from the specification: they are byte-exact copies, and must stay so (an editor
   * reformatting one would no longer test the specification's text).
   */
  private static final Map<String, String> OFFICIAL =
      Map.of(
          "sample-openbadgecredential.good.json",
              "7c6984716330681cf05aef5165abb8bf2c57cad438f802d310dd0e73e57b4a30",
          "achievement-alignment-case.good.json",
              "011d2e02581ec2f737fc0ce4f152ee98668068386686127cad721adb96168bb8",
          "achievement-alignment-credential-engine.good.json",
              "5b0e97ae9acc0a69c26bdf1ce21fd8c3ffc862bbf3ff5fa2794561d3dba9c498",
          "complete-openbadgecredential.good.json",
              "ae5bb9f8d8ac8cd7d1199dd093a0b35a027d1674e11c9875909befba49273afd",
          "getting-started-hashed-identity.bad.json",
              "0e1bd1c6f595dc4f9fbcd3d930c66b1556877b3369bcdc818f06f1fe55f4ef8d");

  /** Official examples whose contexts are exactly credentials v2 and OB 3.0.3: the whole validator applies. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "sample-openbadgecredential.good.json",
        "achievement-alignment-case.good.json",
        "achievement-alignment-credential-engine.good.json"
      })
  void officialExampleConformsToTheSchemaAndIsAccepted(String file) {
    JsonNode example = read(file);

    assertEquals(List.of(), SCHEMA.validate(example), "Open Badges 3.0 schema errors");
    Validation validation = VALIDATOR.validate(example);
    assertInstanceOf(Validation.Valid.class, validation, () -> "validator errors: " + errors(validation));
    Credential credential = ((Validation.Valid) validation).credential();
    assertTrue(credential.types().contains("OpenBadgeCredential"));
    assertTrue(credential.achievement().isPresent(), "the typed view carries the achievement");
    assertEquals(
        example.path("credentialSubject").path("achievement").path("name").asText(),
        credential.achievement().get().name());
  }

  /**
   * The specification's "Complete OpenBadgeCredential" names a third context, {@code extensions.json}, which is not
   * bundled: the validator refuses it for that reason alone (contexts are never fetched); the schema accepts it.
   */
  @Test
  void completeExampleConformsToTheSchemaButNamesAnUnbundledContext() {
    JsonNode example = read("complete-openbadgecredential.good.json");

    assertEquals(List.of(), SCHEMA.validate(example), "Open Badges 3.0 schema errors");
    Validation validation = VALIDATOR.validate(example);
    List<FieldError> errors = errors(validation);
    assertEquals(1, errors.size(), () -> "only the unbundled context is refused: " + errors);
    assertEquals("/@context/2", errors.get(0).pointer());
    assertTrue(errors.get(0).message().contains("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"));

    ObjectNode withoutExtensions = (ObjectNode) example.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) withoutExtensions.get("@context")).remove(2);
    assertInstanceOf(Validation.Valid.class, VALIDATOR.validate(withoutExtensions),
        () -> "without extensions.json: " + errors(VALIDATOR.validate(withoutExtensions)));
  }

  /** The complete example names its recipient by two plaintext IdentityObjects (hashed false). */
  @Test
  void completeExampleRecipientIdentityObjectsMatchTheirEmailAddresses() {
    JsonNode identifiers = read("complete-openbadgecredential.good.json").path("credentialSubject").path("identifier");

    assertEquals(2, identifiers.size());
    assertTrue(IdentityHash.matchesEmail(identifiers.get(0), "student@1edtech.edu"));
    assertTrue(IdentityHash.matchesEmail(identifiers.get(1), "Somebody@gmail.com"));
    assertFalse(IdentityHash.matchesEmail(identifiers.get(0), "somebody@gmail.com"));
  }

  /**
   * The Implementation Guide's only hashed IdentityObject example (getting started) does not conform to the
   * specification's own schema: its identityType {@code email} is neither in IdentifierTypeEnum (which has
   * {@code emailAddress}) nor an {@code ext:} extension. Its identityHash is nevertheless correct.
   */
  @Test
  void gettingStartedHashedIdentityExampleUsesAnIdentityTypeTheSchemaRejects() {
    JsonNode example = read("getting-started-hashed-identity.bad.json");
    JsonNode identity = example.path("credentialSubject").path("identifier");

    List<FieldError> errors = SCHEMA.validate(example);
    assertEquals(
        new TreeSet<>(List.of("/credentialSubject/identifier", "/credentialSubject/identifier/identityType")),
        new TreeSet<>(errors.stream().map(FieldError::pointer).toList()),
        () -> "errors: " + errors);
    assertTrue(
        errors.stream().anyMatch(e -> e.pointer().equals("/credentialSubject/identifier/identityType")
            && e.message().contains("enumeration") && e.message().contains("emailAddress")),
        () -> "errors: " + errors);
    assertInstanceOf(Validation.Invalid.class, VALIDATOR.validate(example));

    // The published hash is SHA-256 over the address followed by the salt, as the guide says.
    assertEquals(
        identity.path("identityHash").asText(), IdentityHash.hash("jjefferson18@example.com", identity.path("salt").asText()));

    // With identityType corrected to the enumerated emailAddress, the example conforms to the schema and names its
    // recipient. (Its achievement's "type": "" also passes the 1EdTech schema, whose string branch takes any string,
    // though the specification says the type MUST include Achievement; it is corrected too before the validator.)
    ObjectNode corrected = (ObjectNode) example.deepCopy();
    ((ObjectNode) corrected.path("credentialSubject").path("identifier")).put("identityType", "emailAddress");
    assertEquals(List.of(), SCHEMA.validate(corrected));
    ((ObjectNode) corrected.path("credentialSubject").path("achievement")).put("type", "Achievement");
    assertInstanceOf(Validation.Valid.class, VALIDATOR.validate(corrected),
        () -> "corrected: " + errors(VALIDATOR.validate(corrected)));
    JsonNode correctedIdentity = corrected.path("credentialSubject").path("identifier");
    assertTrue(IdentityHash.matchesEmail(correctedIdentity, "jjefferson18@example.com"));
    assertFalse(IdentityHash.matchesEmail(correctedIdentity, "jjefferson19@example.com"));
  }

  @Test
  void missingAchievementIsReportedOnTheCredentialSubject() {
    JsonNode bad = read("missing-achievement.bad.json");

    List<FieldError> errors = SCHEMA.validate(bad);
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    assertEquals("/credentialSubject", errors.get(0).pointer());
    assertTrue(errors.get(0).message().contains("'achievement'"), errors.get(0).message());
    assertEquals(errors, errors(VALIDATOR.validate(bad)), "the validator reports exactly the schema's errors");
  }

  @Test
  void identityObjectWithoutIdentityHashIsReportedOnThatIdentityObject() {
    JsonNode bad = read("identity-object-missing-hash.bad.json");

    List<FieldError> errors = SCHEMA.validate(bad);
    assertTrue(
        errors.stream().anyMatch(e -> e.pointer().equals("/credentialSubject/identifier/0")
            && e.message().contains("'identityHash'")),
        () -> "errors: " + errors);
    assertTrue(
        errors.stream().allMatch(e -> e.pointer().startsWith("/credentialSubject/identifier")),
        () -> "every error is under the identifier: " + errors);
    assertEquals(errors, errors(VALIDATOR.validate(bad)), "the validator reports exactly the schema's errors");
  }

  @Test
  void officialFilesAreByteExactCopies() {
    for (Map.Entry<String, String> file : OFFICIAL.entrySet()) {
      assertEquals(file.getValue(), HexFormat.of().formatHex(Json.sha256(bytes(file.getKey()))), file.getKey());
    }
  }

  /** Every file in the folder is exercised above: a new one must be added to a test. */
  @Test
  void everyVectorFileIsCovered() throws IOException, URISyntaxException {
    Path dir = Paths.get(OpenBadgesExamplesTest.class.getResource(DIR).toURI());
    TreeSet<String> present;
    try (Stream<Path> files = Files.list(dir)) {
      present = new TreeSet<>(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).toList());
    }
    TreeSet<String> covered = new TreeSet<>(OFFICIAL.keySet());
    covered.addAll(List.of("missing-achievement.bad.json", "identity-object-missing-hash.bad.json"));
    assertEquals(covered, present);
  }

  private static List<FieldError> errors(Validation validation) {
    return validation instanceof Validation.Invalid invalid ? invalid.errors() : List.of();
  }

  private static JsonNode read(String file) {
    return Json.parse(bytes(file));
  }

  private static byte[] bytes(String file) {
    try (InputStream in = OpenBadgesExamplesTest.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
