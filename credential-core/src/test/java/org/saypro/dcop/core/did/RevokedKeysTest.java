package org.saypro.dcop.core.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;

/** Controlled Identifiers 1.0 {@code revoked}: written on a revoked key, read back by verifiers, never lost. */
class RevokedKeysTest {

  private static final String DID = "did:web:issuer.example:issuers:acme";
  private static final Instant REVOKED = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void aRevokedKeyKeepsItsRevocationDateThroughTheRoundTrip() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, DID);
    VerificationMethod revoked = new VerificationMethod(
        key.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, DID, key.publicJwk(), Optional.of(REVOKED));
    DidDocument document = new DidDocument(DID, List.of(revoked), List.of(revoked.id()));
    ObjectNode json = document.toJson();
    assertEquals("2026-03-01T12:00:00Z", json.path("verificationMethod").path(0).path("revoked").asText());

    DidResolution read = DidDocumentParser.parse(DID, json);
    DidDocument parsed = assertInstanceOf(DidResolution.Resolved.class, read).document();
    assertEquals(Optional.of(REVOKED), parsed.method(revoked.id()).orElseThrow().revoked());
    assertEquals(document, parsed);
  }

  @Test
  void aKeyInForceHasNoRevocationDate() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.P256, DID);
    VerificationMethod method =
        new VerificationMethod(key.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, DID, key.publicJwk());
    ObjectNode json = new DidDocument(DID, List.of(method), List.of(method.id())).toJson();
    assertTrue(json.path("verificationMethod").path(0).path("revoked").isMissingNode());
    DidDocument parsed = ((DidResolution.Resolved) DidDocumentParser.parse(DID, json)).document();
    assertEquals(Optional.empty(), parsed.method(method.id()).orElseThrow().revoked());
  }

  @Test
  void anUnreadableRevocationDateMakesTheDocumentUnusableRatherThanTheKeyTrusted() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, DID);
    VerificationMethod method =
        new VerificationMethod(key.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, DID, key.publicJwk());
    ObjectNode json = new DidDocument(DID, List.of(method), List.of(method.id())).toJson();
    ((ObjectNode) json.path("verificationMethod").path(0)).put("revoked", "last Tuesday");
    DidResolution read = DidDocumentParser.parse(DID, json);
    assertTrue(assertInstanceOf(DidResolution.Unresolvable.class, read).reason().contains("revoked"), read.toString());
  }
}
