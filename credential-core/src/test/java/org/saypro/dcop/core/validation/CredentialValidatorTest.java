package org.saypro.dcop.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saypro.dcop.core.TestCredentials;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.json.MalformedJsonException;
import org.saypro.dcop.core.model.Credential;

class CredentialValidatorTest {

  private static final String ISSUER = "did:web:issuer.example";
  private final CredentialValidator validator = CredentialValidator.withBundledSchemas();

  private Credential valid(JsonNode json) {
    Validation validation = validator.validate(json);
    if (validation instanceof Validation.Invalid invalid) {
      throw new AssertionError("expected valid, got " + invalid.errors());
    }
    return ((Validation.Valid) validation).credential();
  }

  private List<FieldError> errors(JsonNode json) {
    return assertInstanceOf(Validation.Invalid.class, validator.validate(json)).errors();
  }

  private static Set<String> pointers(List<FieldError> errors) {
    return errors.stream().map(FieldError::pointer).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void validVc20CredentialGivesItsTypedView() {
    ObjectNode json = TestCredentials.example(ISSUER);
    json.put("id", "urn:uuid:0b6f5a5e-8a0c-4c5e-9d44-1c1d2f3a4b5c");

    Credential credential = valid(json);

    assertEquals(List.of(TestCredentials.CREDENTIALS_V2, TestCredentials.EXAMPLES_V2), credential.contexts());
    assertEquals(Optional.of("urn:uuid:0b6f5a5e-8a0c-4c5e-9d44-1c1d2f3a4b5c"), credential.id());
    assertEquals(List.of("VerifiableCredential", "ExampleDegreeCredential"), credential.types());
    assertEquals(ISSUER, credential.issuer().id());
    assertEquals(Optional.empty(), credential.issuer().name());
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), credential.validFrom());
    assertEquals(Optional.of(Instant.parse("2031-01-01T00:00:00Z")), credential.validUntil());
    assertEquals(Optional.of(TestCredentials.SUBJECT), credential.primarySubjectId());
    assertFalse(credential.isOpenBadge());
    assertEquals(Optional.empty(), credential.achievement());
    assertSame(json, credential.json(), "the signed document is the input itself");
  }

  @Test
  void issuerObjectWithNameAndOffsetDatesAreAccepted() {
    ObjectNode json = TestCredentials.example(ISSUER);
    json.putObject("issuer").put("id", ISSUER).put("name", "Example University");
    json.put("validFrom", "2026-01-01T02:00:00+02:00");
    json.put("validUntil", "2026-01-01T00:00:00.5Z");

    Credential credential = valid(json);

    assertEquals(Optional.of("Example University"), credential.issuer().name());
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), credential.validFrom());
  }

  @Test
  void everyProblemIsReportedWithItsPointerInOnePass() {
    ObjectNode json = Json.newObject();
    json.set("@context", TestCredentials.array("https://www.w3.org/2018/credentials/v1"));
    json.put("id", "not a url");
    json.set("type", TestCredentials.array("ExampleDegreeCredential"));
    json.put("issuer", "issuer-without-scheme");
    json.putObject("credentialSubject");
    json.put("validFrom", "2026-01-01");
    json.put("validUntil", 20310101);
    json.putObject("credentialStatus").put("id", "https://example.org/status/1");
    json.put("issuanceDate", "2026-01-01T00:00:00Z");

    List<FieldError> errors = errors(json);

    assertEquals(
        new TreeSet<>(List.of(
            "/@context/0", "/id", "/type", "/issuer", "/credentialSubject", "/validFrom", "/validUntil",
            "/credentialStatus", "/issuanceDate")),
        pointers(errors));
    assertEquals(9, errors.size(), "one error per problem: " + errors);
    assertTrue(message(errors, "/type").contains("VerifiableCredential"));
    assertTrue(message(errors, "/issuanceDate").contains("validFrom"));
  }

  @Test
  void anEmptyObjectNamesEveryRequiredField() {
    List<FieldError> errors = errors(Json.newObject());
    assertEquals(
        new TreeSet<>(List.of("/@context", "/type", "/issuer", "/credentialSubject")), pointers(errors));
    errors.forEach(e -> assertEquals("is required", e.message(), e.pointer()));
  }

  @Test
  void nestedProblemsArePointedAtPrecisely() {
    ObjectNode json = TestCredentials.example(ISSUER);
    json.set("@context", Json.parse(
        "[\"https://www.w3.org/ns/credentials/v2\", {\"ex\": \"https://example.org/#\"}, \"https://example.org/ctx\"]"));
    json.set("credentialSubject", Json.parse("[{\"id\": \"did:example:1\"}, {\"id\": \"relative\"}, 7]"));
    json.putObject("issuer").put("name", "no id");
    json.set("credentialSchema", Json.parse("[{\"type\": \"JsonSchema\", \"id\": \"nope\"}, {\"id\": \"https://x.example\"}]"));
    json.set("type", Json.parse("[\"VerifiableCredential\", 3]"));

    assertEquals(
        new TreeSet<>(List.of(
            "/@context/1", "/@context/2", "/credentialSubject/1/id", "/credentialSubject/2", "/issuer/id",
            "/credentialSchema/0/id", "/credentialSchema/1", "/type/1")),
        pointers(errors(json)));
  }

  @Test
  void theBaseContextMustComeFirst() {
    ObjectNode json = TestCredentials.example(ISSUER);
    json.set("@context", TestCredentials.array(TestCredentials.EXAMPLES_V2, TestCredentials.CREDENTIALS_V2));
    List<FieldError> errors = errors(json);
    assertEquals(Set.of("/@context/0", "/@context/1"), pointers(errors));
  }

  @Test
  void anEmbeddedContextDoesNotShiftThePointersOfLaterContexts() {
    ObjectNode json = TestCredentials.example(ISSUER);
    json.set("@context", Json.parse(
        "[{\"@vocab\": \"https://example.org/#\"}, \"https://www.w3.org/ns/credentials/v2\", \"https://example.org/ctx\"]"));
    List<FieldError> errors = errors(json);
    assertEquals(Set.of("/@context/0", "/@context/1", "/@context/2"), pointers(errors), errors.toString());
    assertTrue(message(errors, "/@context/0").contains("embedded"));
    assertTrue(message(errors, "/@context/2").contains("https://example.org/ctx"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-01T00:00:00", "2026-01-01", "2026-01-01 00:00:00Z", "2026-02-30T00:00:00Z",
      "2026-01-01T00:00:00+0200", "yesterday"})
  void validFromWithoutATimeZoneOrNotADateTimeIsRejected(String value) {
    ObjectNode json = TestCredentials.example(ISSUER);
    json.put("validFrom", value);
    List<FieldError> errors = errors(json);
    assertEquals(Set.of("/validFrom"), pointers(errors));
    assertTrue(errors.get(0).message().contains("time zone"), errors.get(0).message());
  }

  @Test
  void validUntilBeforeValidFromIsRejected() {
    ObjectNode json = TestCredentials.example(ISSUER);
    json.put("validFrom", "2026-06-01T00:00:00Z");
    json.put("validUntil", "2026-05-31T23:59:59Z");
    List<FieldError> errors = errors(json);
    assertEquals(Set.of("/validUntil"), pointers(errors));
    assertTrue(errors.get(0).message().contains("before validFrom"));
  }

  @Test
  void validUntilEqualToValidFromIsAccepted() {
    ObjectNode json = TestCredentials.example(ISSUER);
    json.put("validFrom", "2026-06-01T00:00:00Z");
    json.put("validUntil", "2026-06-01T02:00:00+02:00");
    assertEquals(json.get("validFrom").textValue(), valid(json).json().get("validFrom").textValue());
  }

  @Test
  void aNonObjectIsRejectedAtTheDocumentRoot() {
    assertEquals(Set.of(""), pointers(errors(Json.parse("[]"))));
    assertEquals(Set.of(""), pointers(errors(null)));
  }

  @Test
  void openBadgeAchievementCredentialPassesTheBundledSchema() {
    Credential credential = valid(TestCredentials.openBadge(ISSUER));

    assertTrue(credential.isOpenBadge());
    assertEquals(Optional.of("Example Community of Practice"), credential.issuer().name());
    assertEquals("https://example.org/achievements/peer-mentor", credential.achievement().orElseThrow().id());
    assertEquals("Peer Mentor", credential.achievement().orElseThrow().name());
    assertEquals(
        Optional.of("Mentor three newcomers for at least four weeks each."),
        credential.achievement().orElseThrow().criteria());
  }

  @Test
  void openBadgeWithoutAchievementFailsTheSchemaWithAPointer() {
    ObjectNode json = TestCredentials.openBadge(ISSUER);
    ((ObjectNode) json.get("credentialSubject")).remove("achievement");

    List<FieldError> errors = errors(json);

    assertEquals(Set.of("/credentialSubject"), pointers(errors), errors.toString());
    assertTrue(errors.get(0).message().startsWith("Open Badges 3.0 schema:"), errors.get(0).message());
    assertTrue(errors.get(0).message().contains("achievement"), errors.get(0).message());
  }

  @Test
  void openBadgeSchemaErrorsPointInsideTheAchievement() {
    ObjectNode json = TestCredentials.openBadge(ISSUER);
    ObjectNode achievement = (ObjectNode) json.get("credentialSubject").get("achievement");
    achievement.remove("criteria");

    List<FieldError> errors = errors(json);

    assertEquals(Set.of("/credentialSubject/achievement"), pointers(errors), errors.toString());
    assertTrue(errors.get(0).message().contains("criteria"), errors.get(0).message());
  }

  @Test
  void openBadgeSubjectAndAchievementMustNameTheirTypes() {
    ObjectNode json = TestCredentials.openBadge(ISSUER);
    ObjectNode subject = (ObjectNode) json.get("credentialSubject");
    subject.put("type", "Person");
    ((ObjectNode) subject.get("achievement")).set("type", TestCredentials.array("Badge", "Credential"));

    assertEquals(Set.of("/credentialSubject/type", "/credentialSubject/achievement/type"), pointers(errors(json)));

    subject.set("type", TestCredentials.array("Person", "AchievementSubject"));
    ((ObjectNode) subject.get("achievement")).put("type", "Achievement");
    valid(json);
  }

  @Test
  void openBadgeSchemaAndDataModelErrorsAreReportedTogether() {
    ObjectNode json = TestCredentials.openBadge(ISSUER);
    json.remove("id");
    json.put("validFrom", "2026-01-01T00:00:00");

    Set<String> pointers = pointers(errors(json));

    assertTrue(pointers.contains("/validFrom"), pointers.toString());
    assertTrue(pointers.contains(""), "the schema requires id at the root: " + pointers);
  }

  @Test
  void duplicateKeysAreRejectedByTheParser() {
    MalformedJsonException top = assertThrows(MalformedJsonException.class,
        () -> Json.parse("{\"issuer\": \"did:example:a\", \"issuer\": \"did:example:b\"}"));
    assertTrue(top.getMessage().contains("issuer"), top.getMessage());
    assertThrows(MalformedJsonException.class,
        () -> Json.parse("{\"credentialSubject\": {\"id\": \"did:example:a\", \"id\": \"did:example:b\"}}"));
    assertEquals("did:example:a", Json.parse("{\"a\": {\"id\": \"did:example:a\"}, \"id\": \"x\"}").at("/a/id").asText());
  }

  @Test
  void parserRejectsTrailingContentAndExcessiveNesting() {
    assertThrows(MalformedJsonException.class, () -> Json.parse("{} {}"));
    assertThrows(MalformedJsonException.class, () -> Json.parse(""));
    assertThrows(MalformedJsonException.class, () -> Json.parse("[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1)));
    assertEquals(Json.MAX_DEPTH - 1, depth(Json.parse("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH))));
  }

  private static int depth(JsonNode node) {
    int depth = 0;
    while (node.size() > 0) {
      node = node.get(0);
      depth++;
    }
    return depth;
  }

  private static String message(List<FieldError> errors, String pointer) {
    return errors.stream().filter(e -> e.pointer().equals(pointer)).findFirst().orElseThrow().message();
  }
}
