package org.saypro.dcop.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saypro.dcop.core.TestCredentials;
import org.saypro.dcop.core.dataintegrity.Cryptosuite;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.dataintegrity.ProofOptions;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

class StatusListCredentialBuilderTest {

  static final String LIST = "https://issuer.example/status/3";
  static final String ISSUER = "did:web:issuer.example";
  static final Instant FROM = Instant.parse("2026-01-01T00:00:00.750Z");

  @Test
  void theCredentialHasTheSpecificationsShape() {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    ObjectNode credential = StatusListCredentialBuilder.forList(LIST, ISSUER, StatusPurpose.REVOCATION, FROM).build(bits);
    assertEquals(
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"https://issuer.example/status/3\","
            + "\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],\"issuer\":\"did:web:issuer.example\","
            + "\"validFrom\":\"2026-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"https://issuer.example/status/3#list\","
            + "\"type\":\"BitstringStatusList\",\"statusPurpose\":\"revocation\",\"encodedList\":\""
            + EncodedList.encode(bits) + "\"}}",
        credential.toString());
  }

  @Test
  void optionalPartsAreWritten() {
    ObjectNode credential = StatusListCredentialBuilder.forList(LIST, ISSUER, StatusPurpose.REVOCATION, FROM)
        .withPurposes(List.of(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION))
        .withValidUntil(Instant.parse("2026-01-02T00:00:00Z"))
        .withTtl(Duration.ofMinutes(5))
        .build(Bitstring.forNewList(Bitstring.MIN_ENTRIES));
    assertEquals("2026-01-02T00:00:00Z", credential.get("validUntil").textValue());
    assertEquals("[\"revocation\",\"suspension\"]", credential.at("/credentialSubject/statusPurpose").toString());
    assertEquals(300_000, credential.at("/credentialSubject/ttl").longValue());
  }

  @Test
  void whatIsBuiltReadsBack() throws EncodedListException {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    bits.set(94_567, true);
    ObjectNode credential = StatusListCredentialBuilder.forList(LIST, ISSUER, StatusPurpose.SUSPENSION, FROM)
        .withTtl(Duration.ofSeconds(30))
        .build(bits);
    BitstringStatusListCredential list = StatusCheckTest.valid(StatusListCredentialParser.parse(credential));
    assertEquals(Optional.of(LIST), list.id());
    assertEquals(ISSUER, list.issuer());
    assertEquals(Optional.of(LIST + "#list"), list.subject().id());
    assertEquals(List.of("suspension"), list.subject().statusPurpose());
    assertEquals(Optional.of(Duration.ofSeconds(30)), list.subject().ttl());
    assertEquals(bits, EncodedList.standard().decode(list.subject().encodedList()));
    assertTrue(TestCredentials.valid(credential).types().contains("BitstringStatusListCredential"),
        "the credential validator accepts it");
  }

  @Test
  void shortListsAndBadUrlsAreRefused() {
    StatusListCredentialBuilder builder = StatusListCredentialBuilder.forList(LIST, ISSUER, "revocation", FROM);
    assertThrows(IllegalArgumentException.class, () -> builder.build(Bitstring.fromBytes(new byte[16_383])));
    assertThrows(IllegalArgumentException.class,
        () -> StatusListCredentialBuilder.forList(LIST + "#list", ISSUER, "revocation", FROM));
    assertThrows(IllegalArgumentException.class,
        () -> StatusListCredentialBuilder.forList("status/3", ISSUER, "revocation", FROM));
    assertThrows(IllegalArgumentException.class,
        () -> StatusListCredentialBuilder.forList(LIST, "issuer", "revocation", FROM));
    assertThrows(IllegalArgumentException.class,
        () -> StatusListCredentialBuilder.forList(LIST, ISSUER, "", FROM));
    assertThrows(IllegalArgumentException.class, () -> builder.withPurposes(List.of()));
    assertThrows(IllegalArgumentException.class, () -> builder.withValidUntil(FROM.minusSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> builder.withTtl(Duration.ofMillis(-1)));
  }

  @Test
  void theBundledContextsDefineEveryTerm() throws CanonicalizationException {
    // Undefined terms are errors in the canonicalizer: if this passes, nothing in the list goes unsigned.
    ObjectNode credential = StatusListCredentialBuilder.forList(LIST, ISSUER, StatusPurpose.REVOCATION, FROM)
        .withPurposes(List.of(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION))
        .withValidUntil(Instant.parse("2026-01-02T00:00:00Z"))
        .withTtl(Duration.ofMinutes(5))
        .build(Bitstring.forNewList(Bitstring.MIN_ENTRIES));
    String nquads = RdfCanonicalizer.bundled().canonicalize(credential);
    String subject = "<" + LIST + "#list> ";
    String status = "<https://www.w3.org/ns/credentials/status#";
    assertTrue(nquads.contains(subject + status + "encodedList> \"" + credential.at("/credentialSubject/encodedList")
        .textValue() + "\"^^<https://w3id.org/security#multibase>"), nquads);
    assertTrue(nquads.contains(subject + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " + status
        + "BitstringStatusList>"), nquads);
    assertTrue(nquads.contains(subject + status + "statusPurpose> \"suspension\""), nquads);
    assertTrue(nquads.contains(subject + status + "ttl> \"300000\"^^<http://www.w3.org/2001/XMLSchema#integer>"), nquads);
  }

  @Test
  void entriesInACredentialCanonicalizeToo() throws CanonicalizationException {
    ObjectNode credential = TestCredentials.example(ISSUER);
    BitstringStatusListEntry full = new BitstringStatusListEntry(Optional.of(LIST + "#entry-7"), "message", "7", LIST,
        1, List.of(new StatusMessage("0x0", "valid"), new StatusMessage("0x1", "on hold")),
        List.of("https://issuer.example/status-dictionary"));
    credential.putArray("credentialStatus")
        .add(BitstringStatusListEntry.of(LIST, StatusPurpose.REVOCATION, 94_567).toJson())
        .add(full.toJson());
    String nquads = RdfCanonicalizer.bundled().canonicalize(credential);
    assertTrue(nquads.contains("<https://www.w3.org/ns/credentials/status#statusListIndex> \"94567\""), nquads);
    assertTrue(nquads.contains("<https://www.w3.org/ns/credentials/status#message> \"on hold\""), nquads);
    assertEquals(2, StatusCheckTest.valid(StatusEntryParser.entriesOf(credential)).size());
  }

  /**
   * The whole path: an issuer signs its status list with Data Integrity, a verifier verifies it as any credential,
   * reads it, and checks an entry against it; a list changed after signing no longer verifies.
   */
  @ParameterizedTest
  @EnumSource(Cryptosuite.class)
  void aSignedListVerifiesAndAnswers(Cryptosuite suite) throws CanonicalizationException {
    SigningKey key = SigningKey.generateDidKey(suite.keyAlgorithm());
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    bits.set(94_567, true);
    ObjectNode unsigned = StatusListCredentialBuilder.forList(LIST, key.controller(), StatusPurpose.REVOCATION, FROM)
        .build(bits);
    DataIntegrity dataIntegrity = new DataIntegrity(RdfCanonicalizer.bundled());
    ObjectNode signed = dataIntegrity.sign(unsigned, key,
        ProofOptions.assertion(suite, key.multikeyVerificationMethodId(), FROM));
    CredentialVerifier verifier = new CredentialVerifier(CredentialValidator.withBundledSchemas(),
        MethodRoutingResolver.pureMethodsAnd(Map.of()),
        Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

    VerificationReport report = verifier.verify(new SecuredInput.DataIntegrity(signed));
    assertTrue(report.verified(), report.failures().toString());
    BitstringStatusListCredential list = StatusCheckTest.valid(StatusListCredentialParser.parse(signed));
    assertEquals(new StatusOutcome.Set("revocation", 94_567, "set"),
        StatusCheck.standard().check(BitstringStatusListEntry.of(LIST, StatusPurpose.REVOCATION, 94_567), list));

    ObjectNode unrevoked = signed.deepCopy();
    ((ObjectNode) unrevoked.get("credentialSubject"))
        .put("encodedList", EncodedList.encode(Bitstring.forNewList(Bitstring.MIN_ENTRIES)));
    assertFalse(verifier.verify(new SecuredInput.DataIntegrity(unrevoked)).verified(),
        "the encodedList is covered by the proof");
  }
}
