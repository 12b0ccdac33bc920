package org.saypro.dcop.sharing.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.offline.MinimalCredential;
import org.saypro.dcop.core.offline.OfflineCredentialCodec;
import org.saypro.dcop.core.offline.OfflineDecoding;
import org.saypro.dcop.core.offline.OfflineEncoding;
import org.saypro.dcop.core.openbadges.AchievementAward;
import org.saypro.dcop.core.openbadges.Alignment;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.core.status.BitstringStatusListEntry;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.Validation;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * The offline form end to end: an issued credential's minimal form signed with a fresh Ed25519 key, packed, drawn as a
 * QR code, read back from the PNG, unpacked, and verified by a verifier that holds only the issuer's public key.
 */
class OfflineQrRoundTripTest {

  private static final String ISSUER = "did:web:credentials.saypro.online:issuers:ikamva-youth-academy";
  private static final String BASE = "https://credentials.saypro.online";
  private static final SigningKey KEY = SigningKey.generate(KeyAlgorithm.ED25519, ISSUER);
  private static final CredentialValidator VALIDATOR = CredentialValidator.withBundledSchemas();

  @Test
  void anIssuedCredentialSurvivesTheQrCodeAndVerifiesWithOnlyThePublicKey() {
    ObjectNode minimal = MinimalCredential.of(issued());
    String jws = VcJwtSigner.sign(((Validation.Valid) VALIDATOR.validate(minimal)).credential(), KEY);
    String text = assertInstanceOf(OfflineEncoding.Encoded.class, OfflineCredentialCodec.encode(jws)).text();
    QrSymbol symbol = assertInstanceOf(QrEncoding.Encoded.class,
        ZxingQrEncoder.encode(text, QrForm.OFFLINE_CREDENTIAL)).symbol();

    QrDecoding read = new ZxingQrDecoder().decode(QrPng.render(symbol, 4));

    String scanned = assertInstanceOf(QrDecoding.Found.class, read).text();
    String token = assertInstanceOf(OfflineDecoding.Decoded.class, OfflineCredentialCodec.decode(scanned)).compactJws();
    assertEquals(jws, token);
    VerificationReport report = verifierKnowingOnly(KEY).verify(new SecuredInput.VcJwt(token));
    assertTrue(report.verified(), () -> report.checks().toString());
    QrSymbol atQ = ((QrEncoding.Encoded) ZxingQrEncoder.encode(text, QrForm.PAGE_LINK)).symbol();
    System.out.printf("offline QR: minimal credential %d bytes, vc+jwt %d characters, QR text %d characters:"
            + " version %d at level M (%d modules with the quiet zone), version %d at level Q%n",
        Json.write(minimal).length, jws.length(), text.length(), symbol.version(), symbol.sizeWithQuietZone(),
        atQ.version());
    assertTrue(symbol.version() <= 30, "a typical credential stays well inside the limit: " + symbol.version());
  }

  @Test
  void anotherIssuersKeyDoesNotVerifyIt() {
    String jws = VcJwtSigner.sign(((Validation.Valid) VALIDATOR.validate(MinimalCredential.of(issued()))).credential(),
        SigningKey.generate(KeyAlgorithm.ED25519, ISSUER));
    String text = ((OfflineEncoding.Encoded) OfflineCredentialCodec.encode(jws)).text();
    String token = ((OfflineDecoding.Decoded) OfflineCredentialCodec.decode(text)).compactJws();

    assertFalse(verifierKnowingOnly(KEY).verify(new SecuredInput.VcJwt(token)).verified());
  }

  /** An Open Badge as an organisation issues it: learner by hashed email and named, alignment, revocation entry. */
  private static ObjectNode issued() {
    ObjectNode credential = new AchievementAward(ISSUER, "Ikamva Youth Academy",
        BASE + "/organisations/ikamva-youth-academy/qualifications/ECD-5",
        "Higher Certificate in Early Childhood Development",
        "A year-long programme for early childhood development practitioners, with a supervised practicum.",
        "Complete all twelve modules, a portfolio of evidence and a supervised practicum of 240 hours.",
        "Certificate", OptionalInt.of(120), Optional.of("ECD-5"),
        List.of(new Alignment("NQF Level 5", "https://www.saqa.org.za/nqf-levels", Optional.of("5"),
            Optional.of("South African NQF"))),
        new Recipient.ByEmail("sipho.ndlovu@example.org", Optional.of("Sipho Ndlovu")),
        Instant.parse("2026-11-23T10:00:00Z"), Optional.empty()).toCredential();
    credential.put("id", BASE + "/credentials/0b7d5f7e-5a4e-4b8f-9d3c-2e1f0a9b8c7d");
    String list = BASE + "/status/ikamva-youth-academy/revocation/1";
    ObjectNode status = Json.newObject().put("id", list + "#40213");
    status.setAll(BitstringStatusListEntry.of(list, "revocation", 40213).toJson());
    credential.set("credentialStatus", status);
    return credential;
  }

  private static CredentialVerifier verifierKnowingOnly(SigningKey key) {
    VerificationMethod method =
        new VerificationMethod(key.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, ISSUER, key.publicJwk());
    DidDocument document = new DidDocument(ISSUER, List.of(method), List.of(method.id()));
    return new CredentialVerifier(VALIDATOR, MethodRoutingResolver.pureMethodsAnd(Map.of("web",
        did -> new DidResolution.Resolved(document))), Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC));
  }
}
