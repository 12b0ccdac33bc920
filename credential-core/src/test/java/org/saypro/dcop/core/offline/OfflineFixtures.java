package org.saypro.dcop.core.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.saypro.dcop.core.TestCredentials;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.openbadges.AchievementAward;
import org.saypro.dcop.core.openbadges.Alignment;
import org.saypro.dcop.core.openbadges.IdentityHash;
import org.saypro.dcop.core.openbadges.OpenBadges;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.core.status.BitstringStatusListEntry;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CredentialVerifier;

/**
 * A credential as an organisation on this service issues it (learner by hashed email and named, an NQF alignment,
 * a revocation entry: the Open Badges schema allows one status object), its deterministic Ed25519 key, and a verifier that knows only that public key.
 */
final class OfflineFixtures {

  static final String ISSUER = "did:web:credentials.saypro.online:issuers:ikamva-youth-academy";
  static final String BASE = "https://credentials.saypro.online";
  static final SigningKey KEY = SigningKey.restore(KeyAlgorithm.ED25519, ISSUER,
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC);

  private OfflineFixtures() {}

  /** The full credential, deterministic: the email's salt is fixed. */
  static ObjectNode fullCredential(String learnerName) {
    AchievementAward award = new AchievementAward(ISSUER, "Ikamva Youth Academy",
        BASE + "/organisations/ikamva-youth-academy/qualifications/ECD-5",
        "Higher Certificate in Early Childhood Development",
        "A year-long programme for early childhood development practitioners, with a supervised practicum.",
        "Complete all twelve modules, a portfolio of evidence and a supervised practicum of 240 hours.",
        "Certificate", OptionalInt.of(120), Optional.of("ECD-5"),
        List.of(new Alignment("NQF Level 5", "https://www.saqa.org.za/nqf-levels", Optional.of("5"),
            Optional.of("South African NQF"))),
        new Recipient.ByEmail("thandi.mokoena@example.org", Optional.of(learnerName)),
        Instant.parse("2026-11-23T10:00:00Z"), Optional.of(Instant.parse("2031-11-23T10:00:00Z")));
    ObjectNode credential = award.toCredential();
    ObjectNode withId = Json.newObject();
    withId.set("@context", credential.get("@context"));
    withId.put("id", BASE + "/credentials/6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");
    withId.setAll(credential);
    ObjectNode email = (ObjectNode) withId.get("credentialSubject").get("identifier").get(0);
    email.put("salt", "5a0b1c2d3e4f50617283940a1b2c3d4e");
    email.put("identityHash", IdentityHash.hash("thandi.mokoena@example.org", email.get("salt").asText()));
    OpenBadges.addSchemaReference(withId);
    withId.set("credentialStatus", statusEntry("revocation", 40213));
    return withId;
  }

  private static ObjectNode statusEntry(String purpose, long index) {
    String list = BASE + "/status/ikamva-youth-academy/" + purpose + "/1";
    ObjectNode entry = Json.newObject().put("id", list + "#" + index);
    entry.setAll(BitstringStatusListEntry.of(list, purpose, index).toJson());
    return entry;
  }

  /** The minimal form, validated and signed as vc+jwt. */
  static String signedMinimal(ObjectNode full) {
    return VcJwtSigner.sign(TestCredentials.valid(MinimalCredential.of(full)), KEY);
  }

  /** A verifier that resolves the issuer's DID to a document holding only the public key: no network. */
  static CredentialVerifier offlineVerifier() {
    VerificationMethod method = new VerificationMethod(
        KEY.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, ISSUER, KEY.publicJwk());
    DidDocument document = new DidDocument(ISSUER, List.of(method), List.of(method.id()));
    return new CredentialVerifier(CredentialValidator.withBundledSchemas(),
        MethodRoutingResolver.pureMethodsAnd(Map.of("web", did -> did.equals(ISSUER)
            ? new DidResolution.Resolved(document) : new DidResolution.Unresolvable(did, "unknown in this test"))),
        CLOCK);
  }
}
