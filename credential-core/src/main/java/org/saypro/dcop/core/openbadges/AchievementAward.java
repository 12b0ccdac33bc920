package org.saypro.dcop.core.openbadges;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.model.Urls;

/**
 * The unsigned Open Badges 3.0 {@code AchievementCredential} awarding an achievement to a learner, ready for the
 * issuing pipeline (which adds the id, the schema reference, status entries and the proof).
 *
 * @param achievementId the achievement's URL (the catalogue entry)
 * @param achievementType an Open Badges achievement type such as "Certificate", "Diploma", "Badge"
 * @param creditsAvailable credits on the qualifications framework, if any
 * @param humanCode the qualification's code as people know it
 * @param evidence what the learner did to earn it (at most 100 items), carried as the credential's {@code evidence}
 */
public record AchievementAward(
    String issuerDid,
    String issuerName,
    String achievementId,
    String name,
    String description,
    String criteria,
    String achievementType,
    OptionalInt creditsAvailable,
    Optional<String> humanCode,
    List<Alignment> alignments,
    Recipient recipient,
    Instant validFrom,
    Optional<Instant> validUntil,
    List<Evidence> evidence) {

  public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  private static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";

  public AchievementAward {
    Objects.requireNonNull(issuerDid, "issuerDid");
    Objects.requireNonNull(creditsAvailable, "creditsAvailable");
    Objects.requireNonNull(humanCode, "humanCode");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    alignments = List.copyOf(alignments);
    evidence = List.copyOf(evidence);
    if (evidence.size() > 100) {
      throw new IllegalArgumentException("at most 100 evidence items");
    }
    requireText("issuerName", issuerName, 200);
    requireText("name", name, 200);
    requireText("description", description, 4000);
    requireText("criteria", criteria, 4000);
    requireText("achievementType", achievementType, 100);
    if (!isAchievementType(achievementType)) {
      throw new IllegalArgumentException("achievementType is an Open Badges 3.0 type (e.g. Certificate, Diploma,"
          + " Badge) or ext:<name>");
    }
    if (!Urls.isAbsolute(achievementId)) {
      throw new IllegalArgumentException("the achievement id is an absolute URL");
    }
    if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom)) {
      throw new IllegalArgumentException("validUntil must be after validFrom");
    }
  }

  /** An award with no evidence (most awards: the criteria say enough). */
  public AchievementAward(String issuerDid, String issuerName, String achievementId, String name, String description,
      String criteria, String achievementType, OptionalInt creditsAvailable, Optional<String> humanCode,
      List<Alignment> alignments, Recipient recipient, Instant validFrom, Optional<Instant> validUntil) {
    this(issuerDid, issuerName, achievementId, name, description, criteria, achievementType, creditsAvailable,
        humanCode, alignments, recipient, validFrom, validUntil, List.of());
  }

  public ObjectNode toCredential() {
    ObjectNode credential = Json.newObject();
    credential.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT);
    credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    ObjectNode issuer = credential.putObject("issuer");
    issuer.put("id", issuerDid);
    issuer.putArray("type").add("Profile");
    issuer.put("name", issuerName);
    credential.put("validFrom", timestamp(validFrom));
    validUntil.ifPresent(until -> credential.put("validUntil", timestamp(until)));
    credential.put("name", name);
    ObjectNode subject = credential.putObject("credentialSubject");
    ArrayNode identifiers = Json.mapper().createArrayNode();
    if (recipient instanceof Recipient.ByDid byDid) {
      subject.put("id", byDid.did());
    } else {
      identifiers.add(IdentityHash.forEmail(((Recipient.ByEmail) recipient).email()));
    }
    // Open Badges names a person with an unhashed IdentityObject of type "name"; only when a name was given
    recipient.name().ifPresent(person -> identifiers.addObject().put("type", "IdentityObject")
        .put("identityHash", person).put("identityType", "name").put("hashed", false));
    if (!identifiers.isEmpty()) {
      subject.set("identifier", identifiers);
    }
    subject.putArray("type").add("AchievementSubject");
    ObjectNode achievement = subject.putObject("achievement");
    achievement.put("id", achievementId);
    achievement.putArray("type").add("Achievement");
    achievement.put("achievementType", achievementType);
    achievement.put("name", name);
    achievement.put("description", description);
    achievement.putObject("criteria").put("narrative", criteria);
    creditsAvailable.ifPresent(credits -> achievement.put("creditsAvailable", credits));
    humanCode.ifPresent(code -> achievement.put("humanCode", code));
    if (!alignments.isEmpty()) {
      ArrayNode aligned = achievement.putArray("alignment");
      alignments.forEach(a -> aligned.add(a.toJson()));
    }
    if (!evidence.isEmpty()) {
      ArrayNode items = credential.putArray("evidence");
      evidence.forEach(e -> items.add(e.toJson()));
    }
    return credential;
  }

  /** The Open Badges 3.0 AchievementType vocabulary; extensions are written {@code ext:<name>}. */
  public static final java.util.Set<String> ACHIEVEMENT_TYPES = java.util.Set.of(
      "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree", "Award", "Badge",
      "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification", "CommunityService", "Competency",
      "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment",
      "JourneymanCertificate", "LearningProgram", "License", "Membership", "ProfessionalDoctorate",
      "QualityAssuranceCredential", "MasterCertificate", "MasterDegree", "MicroCredential", "ResearchDoctorate",
      "SecondarySchoolDiploma");

  public static boolean isAchievementType(String type) {
    return type != null && (ACHIEVEMENT_TYPES.contains(type) || type.matches("ext:[A-Za-z0-9._-]{1,60}"));
  }

  private static void requireText(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(field + " is 1 to " + max + " characters");
    }
  }

  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
