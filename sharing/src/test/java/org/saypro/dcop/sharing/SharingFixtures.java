package org.saypro.dcop.sharing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.openbadges.AchievementAward;
import org.saypro.dcop.core.openbadges.Alignment;
import org.saypro.dcop.core.openbadges.IdentityHash;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.core.status.BitstringStatusListEntry;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.Validation;
import org.saypro.dcop.core.verify.CredentialVerifier;

/**
 * A credential as an organisation on this service issues it, a fixed Ed25519 key (RFC 8032 test 1 seed, so signatures
 * are the same every run) and a verifier that knows only the issuer's public key.
 */
public final class SharingFixtures {

  public static final String ISSUER = "did:web:credentials.saypro.online:issuers:ikamva-youth-academy";
  public static final String BASE = "https://credentials.saypro.online";
  public static final String CREDENTIAL_ID = BASE + "/credentials/0b7d5f7e-5a4e-4b8f-9d3c-2e1f0a9b8c7d";
  public static final SigningKey KEY = SigningKey.restore(KeyAlgorithm.ED25519, ISSUER,
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  public static final CredentialValidator VALIDATOR = CredentialValidator.withBundledSchemas();

  private SharingFixtures() {}

  /** An Open Badge: learner by hashed email (fixed salt) and named, an NQF alignment, a revocation entry. */
  public static ObjectNode issued(String learnerName) {
    ObjectNode credential = new AchievementAward(ISSUER, "Ikamva Youth Academy",
        BASE + "/organisations/ikamva-youth-academy/qualifications/ECD-5",
        "Higher Certificate in Early Childhood Development",
        "A year-long programme for early childhood development practitioners, with a supervised practicum.",
        "Complete all twelve modules, a portfolio of evidence and a supervised practicum of 240 hours.",
        "Certificate", OptionalInt.of(120), Optional.of("ECD-5"),
        List.of(new Alignment("NQF Level 5", "https://www.saqa.org.za/nqf-levels", Optional.of("5"),
            Optional.of("South African NQF"))),
        new Recipient.ByEmail("sipho.ndlovu@example.org", Optional.of(learnerName)),
        Instant.parse("2026-11-23T10:00:00Z"), Optional.empty()).toCredential();
    credential.put("id", CREDENTIAL_ID);
    ObjectNode email = (ObjectNode) credential.get("credentialSubject").get("identifier").get(0);
    email.put("salt", "5a0b1c2d3e4f50617283940a1b2c3d4e");
    email.put("identityHash", IdentityHash.hash("sipho.ndlovu@example.org", email.get("salt").asText()));
    String list = BASE + "/status/ikamva-youth-academy/revocation/1";
    ObjectNode status = Json.newObject().put("id", list + "#40213");
    status.setAll(BitstringStatusListEntry.of(list, "revocation", 40213).toJson());
    credential.set("credentialStatus", status);
    return credential;
  }

  public static Credential valid(ObjectNode json) {
    return ((Validation.Valid) VALIDATOR.validate(json)).credential();
  }

  /** The credential signed as vc+jwt with {@link #KEY}. */
  public static String signed(ObjectNode json) {
    return VcJwtSigner.sign(valid(json), KEY);
  }

  /** A verifier that resolves the issuer's DID to a document holding only {@code key}'s public half: no network. */
  public static CredentialVerifier verifierKnowingOnly(SigningKey key) {
    VerificationMethod method =
        new VerificationMethod(key.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, ISSUER, key.publicJwk());
    DidDocument document = new DidDocument(ISSUER, List.of(method), List.of(method.id()));
    return new CredentialVerifier(VALIDATOR, MethodRoutingResolver.pureMethodsAnd(Map.of("web",
        did -> did.equals(ISSUER) ? new DidResolution.Resolved(document)
            : new DidResolution.Unresolvable(did, "unknown in these tests"))),
        Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC));
  }
}
