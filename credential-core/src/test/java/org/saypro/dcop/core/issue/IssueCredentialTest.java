package org.saypro.dcop.core.issue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.TestCredentials;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

class IssueCredentialTest {

  private static final String ISSUER = "did:web:issuer.example";
  private static final String NEW_ID = "urn:uuid:9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
  private static final SigningKey ED25519 =
      SigningKey.restore(
          KeyAlgorithm.ED25519,
          ISSUER,
          HexFormat.of().parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
  private static final SigningKey P256 = SigningKey.generate(KeyAlgorithm.P256, ISSUER);
  private static final Function<KeyAlgorithm, SigningKey> KEYS = a -> a == KeyAlgorithm.ED25519 ? ED25519 : P256;

  private final IssueCredential issue = new IssueCredential(CredentialValidator.withBundledSchemas());

  private IssueOutcome.Issued issued(JsonNode credential, JsonNode options) {
    IssueOutcome outcome = issue.issue(credential, options, KEYS, () -> NEW_ID);
    if (outcome instanceof IssueOutcome.Rejected rejected) {
      throw new AssertionError("expected issued, got " + rejected.errors());
    }
    return (IssueOutcome.Issued) outcome;
  }

  private List<FieldError> rejected(JsonNode credential, JsonNode options) {
    return assertInstanceOf(IssueOutcome.Rejected.class, issue.issue(credential, options, KEYS, () -> NEW_ID)).errors();
  }

  private static Set<String> pointers(List<FieldError> errors) {
    return errors.stream().map(FieldError::pointer).collect(Collectors.toSet());
  }

  @Test
  void anIdIsAssignedWhenAbsentAndPlacedRightAfterTheContext() {
    ObjectNode input = TestCredentials.example(ISSUER);
    String before = Json.writeString(input);

    SecuredCredential.VcJwt secured = jwt(issued(input, null));

    assertEquals(NEW_ID, secured.id());
    List<String> fields = new ArrayList<>();
    secured.credential().json().fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("@context", "id", "type", "issuer", "validFrom", "validUntil", "credentialSubject"), fields);
    assertEquals(before, Json.writeString(input), "the caller's document is not modified");
    assertEquals(NEW_ID, payload(secured.compactJws()).get("id").textValue());
  }

  @Test
  void anExistingIdIsKeptAndNoNewOneIsDrawn() {
    ObjectNode input = TestCredentials.example(ISSUER);
    input.put("id", "https://issuer.example/credentials/42");
    Supplier<String> mustNotBeCalled = () -> {
      throw new AssertionError("a credential with an id must not get a new one");
    };

    IssueOutcome outcome = issue.issue(input, null, KEYS, mustNotBeCalled);

    SecuredCredential.VcJwt secured = jwt(assertInstanceOf(IssueOutcome.Issued.class, outcome));
    assertEquals("https://issuer.example/credentials/42", secured.id());
    assertEquals(input, secured.credential().json());
  }

  @Test
  void theIssuedCredentialSharesNoNodeWithTheRequest() {
    // the issuer hands in a shallow copy of its request (IssueInOneTransaction): changing the request afterwards must
    // not change what was issued, with or without an id of its own
    for (boolean withOwnId : List.of(false, true)) {
      ObjectNode input = TestCredentials.example(ISSUER);
      if (withOwnId) {
        input.put("id", "https://issuer.example/credentials/43");
      }
      SecuredCredential.VcJwt secured = jwt(issued(input, null));
      String issuedBefore = Json.writeString(secured.credential().json());

      ((ObjectNode) input.get("credentialSubject")).put("name", "changed afterwards");
      ((ArrayNode) input.get("@context")).add("https://changed.example/");

      assertEquals(issuedBefore, Json.writeString(secured.credential().json()), "own id: " + withOwnId);
    }
  }

  @Test
  void unknownOptionsAndBadAlgorithmsAreReportedUnderOptions() {
    List<FieldError> errors =
        rejected(TestCredentials.example(ISSUER), Json.parse("{\"algorithm\": \"RS256\", \"proofType\": \"x\"}"));
    assertEquals(Set.of("/options/algorithm", "/options/proofType"), pointers(errors));
    assertTrue(message(errors, "/options/proofType").contains("unknown option"));
    assertTrue(message(errors, "/options/algorithm").contains("ES256"));
  }

  @Test
  void optionsThatAreNotAnObjectAreReportedAtOptions() {
    assertEquals(Set.of("/options"), pointers(rejected(TestCredentials.example(ISSUER), Json.parse("\"EdDSA\""))));
  }

  @Test
  void dataIntegrityIsOfferedBesideVcJwt() {
    assertEquals(
        Set.of("/options/securingMechanism"),
        pointers(rejected(TestCredentials.example(ISSUER), Json.parse("{\"securingMechanism\": \"ldp\"}"))));
    assertEquals(
        Set.of("/options/algorithm"),
        pointers(rejected(TestCredentials.example(ISSUER),
            Json.parse("{\"securingMechanism\": \"DataIntegrityProof\", \"algorithm\": \"ES256\"}"))));
    assertEquals("EdDSA", header(jwt(issued(TestCredentials.example(ISSUER),
        Json.parse("{\"securingMechanism\": \"vc+jwt\"}"))).compactJws()).get("alg").textValue());
    SecuredCredential.WithProof withProof =
        assertInstanceOf(
            SecuredCredential.WithProof.class,
            issued(TestCredentials.example(ISSUER), Json.parse("{\"securingMechanism\": \"DataIntegrityProof\"}"))
                .credential());
    JsonNode proof = withProof.document().get("proof");
    assertEquals("eddsa-rdfc-2022", proof.get("cryptosuite").textValue());
    assertEquals("assertionMethod", proof.get("proofPurpose").textValue());
    assertEquals(ED25519.multikeyVerificationMethodId(), proof.get("verificationMethod").textValue());
    assertTrue(proof.get("proofValue").textValue().startsWith("z"));
  }

  @Test
  void optionAndCredentialErrorsComeBackTogether() {
    ObjectNode credential = TestCredentials.example(ISSUER);
    credential.remove("credentialSubject");
    List<FieldError> errors = rejected(credential, Json.parse("{\"algorithm\": 256}"));
    assertEquals(Set.of("/options/algorithm", "/credential/credentialSubject"), pointers(errors));
  }

  @Test
  void aCredentialThatIsNotAnObjectIsRejected() {
    assertEquals(Set.of("/credential"), pointers(rejected(Json.parse("[]"), null)));
    assertEquals(Set.of("/credential"), pointers(rejected(null, null)));
  }

  @Test
  void aProofInTheRequestIsRejected() {
    ObjectNode credential = TestCredentials.example(ISSUER);
    credential.putObject("proof").put("type", "DataIntegrityProof");
    List<FieldError> errors = rejected(credential, null);
    assertEquals(Set.of("/credential/proof"), pointers(errors));
  }

  @Test
  void validationErrorsArePrefixedWithCredential() {
    ObjectNode credential = TestCredentials.example(ISSUER);
    credential.put("validFrom", "2026-01-01T00:00:00");
    assertEquals(Set.of("/credential/validFrom"), pointers(rejected(credential, null)));
  }

  @Test
  void anIssuerOtherThanTheKeysControllerIsRejected() {
    List<FieldError> errors = rejected(TestCredentials.example("did:web:someone-else.example"), null);
    assertEquals(Set.of("/credential/issuer"), pointers(errors));
    assertTrue(errors.get(0).message().contains(ISSUER), errors.get(0).message());

    ObjectNode asObject = TestCredentials.example(ISSUER);
    asObject.putObject("issuer").put("id", "did:web:someone-else.example").put("name", ISSUER);
    assertEquals(Set.of("/credential/issuer"), pointers(rejected(asObject, null)));
  }

  @Test
  void theJwtIsAVcJwtWhosePayloadIsTheCredential() {
    SecuredCredential.VcJwt secured = jwt(issued(TestCredentials.example(ISSUER), null));

    JsonNode header = header(secured.compactJws());
    assertEquals("EdDSA", header.get("alg").textValue());
    assertEquals("vc+jwt", header.get("typ").textValue());
    assertEquals("vc", header.get("cty").textValue());
    assertEquals(ED25519.verificationMethodId(), header.get("kid").textValue());
    assertEquals(Set.of("alg", "typ", "cty", "kid"), fieldNames(header));

    JsonNode payload = payload(secured.compactJws());
    assertEquals(secured.credential().json(), payload, "the payload is the credential itself");
    assertFalse(payload.has("vc"));
    assertFalse(payload.has("iss"));
  }

  @Test
  void es256IsUsedWhenAsked() {
    SecuredCredential.VcJwt secured =
        jwt(issued(TestCredentials.example(ISSUER), Json.parse("{\"algorithm\": \"ES256\"}")));
    JsonNode header = header(secured.compactJws());
    assertEquals("ES256", header.get("alg").textValue());
    assertEquals(P256.verificationMethodId(), header.get("kid").textValue());
    assertEquals(64, Base64.getUrlDecoder().decode(secured.compactJws().split("\\.")[2]).length);
  }

  @Test
  void issuedCredentialsVerify() {
    DidDocument document =
        new DidDocument(
            ISSUER,
            List.of(
                new VerificationMethod(ED25519.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, ISSUER,
                    ED25519.publicJwk()),
                new VerificationMethod(P256.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, ISSUER,
                    P256.publicJwk())),
            List.of(ED25519.verificationMethodId(), P256.verificationMethodId()));
    CredentialVerifier verifier =
        new CredentialVerifier(
            CredentialValidator.withBundledSchemas(),
            MethodRoutingResolver.pureMethodsAnd(
                Map.of("web", did -> did.equals(ISSUER)
                    ? new DidResolution.Resolved(document)
                    : new DidResolution.Unresolvable(did, "unknown"))),
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

    for (String algorithm : List.of("EdDSA", "ES256")) {
      SecuredCredential.VcJwt secured =
          jwt(issued(TestCredentials.openBadge(ISSUER), Json.parse("{\"algorithm\": \"" + algorithm + "\"}")));
      VerificationReport report = verifier.verify(SecuredInput.classify(secured.enveloped()).orElseThrow());
      assertTrue(report.verified(), algorithm + ": " + report.checks());
    }
  }

  @Test
  void theSecuredFormHashIsOverTheCompactJws() {
    SecuredCredential.VcJwt secured = jwt(issued(TestCredentials.example(ISSUER), null));
    assertArrayEquals(Json.sha256(secured.compactJws().getBytes(StandardCharsets.US_ASCII)), secured.sha256());
    assertEquals("data:application/vc+jwt," + secured.compactJws(), secured.enveloped().get("id").textValue());
  }

  private static JsonNode header(String compact) {
    return Json.parse(Base64.getUrlDecoder().decode(compact.split("\\.")[0]));
  }

  private static JsonNode payload(String compact) {
    return Json.parse(Base64.getUrlDecoder().decode(compact.split("\\.")[1]));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String message(List<FieldError> errors, String pointer) {
    return errors.stream().filter(e -> e.pointer().equals(pointer)).findFirst().orElseThrow().message();
  }

  private static SecuredCredential.VcJwt jwt(IssueOutcome.Issued issued) {
    return assertInstanceOf(SecuredCredential.VcJwt.class, issued.credential());
  }
}
