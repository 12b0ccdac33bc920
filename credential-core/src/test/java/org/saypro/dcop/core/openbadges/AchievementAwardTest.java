package org.saypro.dcop.core.openbadges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.Validation;

/** Awards built here pass the bundled Open Badges 3.0 schema and carry what the catalogue says. */
class AchievementAwardTest {

  private static final Instant FROM = Instant.parse("2026-11-23T10:00:00Z");
  private static final Alignment NQF5 = new Alignment(
      "NQF Level 5", "https://www.saqa.org.za/nqf-levels", Optional.of("5"), Optional.of("South African NQF"));

  private static AchievementAward award(Recipient recipient, Optional<Instant> until) {
    return new AchievementAward(
        "did:web:dcop.example", "SayPro", "https://dcop.example/organisations/saypro/qualifications/ECD-5",
        "Higher Certificate in Early Childhood Development", "A year-long programme for ECD practitioners.",
        "Complete all modules and a supervised practicum.", "Certificate", OptionalInt.of(120), Optional.of("ECD-5"),
        List.of(NQF5), recipient, FROM, until);
  }

  @Test
  void anAwardByDidIsAValidOpenBadge() {
    ObjectNode credential =
        award(new Recipient.ByDid("did:key:z6MkLearner", Optional.of("Thandi Mokoena")),
            Optional.of(Instant.parse("2029-11-23T10:00:00Z"))).toCredential();
    assertValid(credential);
    JsonNode subject = credential.get("credentialSubject");
    assertEquals("did:key:z6MkLearner", subject.get("id").asText());
    assertEquals("Thandi Mokoena", subject.get("identifier").get(0).get("identityHash").asText());
    JsonNode achievement = subject.get("achievement");
    assertEquals(120, achievement.get("creditsAvailable").asInt());
    assertEquals("5", achievement.get("alignment").get(0).get("targetCode").asText());
    assertEquals("2029-11-23T10:00:00Z", credential.get("validUntil").asText());
  }

  @Test
  void anAwardByEmailCarriesOnlyTheSaltedHash() {
    ObjectNode credential = award(new Recipient.ByEmail(" Thandi@Example.org ", Optional.empty()), Optional.empty())
        .toCredential();
    assertValid(credential);
    assertFalse(credential.toString().contains("thandi@example.org"), "the address never appears");
    JsonNode identity = credential.get("credentialSubject").get("identifier").get(0);
    assertTrue(IdentityHash.matchesEmail(identity, "thandi@example.org"));
    assertFalse(credential.get("credentialSubject").has("id"));
  }

  @Test
  void evidenceIsCarriedAsOpenBadgesEvidenceObjects() {
    AchievementAward plain = award(new Recipient.ByDid("did:key:z6MkLearner", Optional.empty()), Optional.empty());
    AchievementAward withEvidence = new AchievementAward(plain.issuerDid(), plain.issuerName(),
        plain.achievementId(), plain.name(), plain.description(), plain.criteria(), plain.achievementType(),
        plain.creditsAvailable(), plain.humanCode(), plain.alignments(), plain.recipient(), plain.validFrom(),
        plain.validUntil(), List.of(new Evidence(Optional.of("urn:dcop:community-event:7"), "Webinar attended",
            "webinar.attended in curriculum-innovation", "Attended webinar Play-based maths on 2026-03-04")));
    ObjectNode credential = withEvidence.toCredential();
    assertValid(credential);
    JsonNode evidence = credential.get("evidence").get(0);
    assertEquals("Evidence", evidence.get("type").get(0).asText());
    assertEquals("urn:dcop:community-event:7", evidence.get("id").asText());
    assertEquals("Attended webinar Play-based maths on 2026-03-04", evidence.get("narrative").asText());
    assertFalse(plain.toCredential().has("evidence"), "no evidence, no empty list");
    assertThrows(IllegalArgumentException.class,
        () -> new Evidence(Optional.of("not a uri"), "n", "d", "narrative"));
  }

  @Test
  void badInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Recipient.ByEmail("not-an-address", Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new Recipient.ByDid("https://example.org", Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Alignment("NQF", "ftp://x.example", Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new AchievementAward(
        "did:web:dcop.example", "SayPro", "https://dcop.example/q/1", "Name", "Description", "Criteria",
        "NotAType", OptionalInt.empty(), Optional.empty(), List.of(),
        new Recipient.ByDid("did:key:z6Mk", Optional.empty()), FROM, Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> award(
        new Recipient.ByDid("did:key:z6Mk", Optional.empty()), Optional.of(FROM)));
  }

  /** With the id the issuing pipeline gives every credential, as Open Badges requires one. */
  private static void assertValid(ObjectNode credential) {
    ObjectNode withId = credential.deepCopy().put("id", "urn:uuid:6a1f0c36-54a3-4d6e-9b3c-2f7e8a9d0b11");
    Validation validation = CredentialValidator.withBundledSchemas().validate(withId);
    assertInstanceOf(Validation.Valid.class, validation, validation.toString());
  }
}
