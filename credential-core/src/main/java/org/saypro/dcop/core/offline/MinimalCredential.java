package org.saypro.dcop.core.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.OpenBadges;

/**
 * The smallest Open Badges credential that still says who awarded what to whom and how to check that it stands, for
 * an offline QR code (ADR 17). It keeps the same {@code id} and {@code credentialStatus} as the full credential, so a
 * verifier online finds the full one and revoking either revokes both.
 *
 * <p>Left out: the credential's name, description, image, evidence, endorsements, credentialSchema and proof; the
 * achievement's description and criteria texts, image, alignments, credits and human code. The Open Badges 3.0 schema
 * requires an achievement {@code description} and {@code criteria}, so they stay as an empty text and an empty object:
 * the minimal form remains a valid Open Badge and passes the verifier's format check.
 */
public final class MinimalCredential {

  private static final List<String> KEPT_AT_TOP = List.of("@context", "id", "type", "issuer", "validFrom", "validUntil");
  private static final List<String> KEPT_OF_ISSUER = List.of("id", "type", "name");
  private static final List<String> KEPT_OF_SUBJECT = List.of("id", "type", "identifier");
  private static final List<String> KEPT_OF_ACHIEVEMENT = List.of("id", "type", "achievementType", "name");

  private MinimalCredential() {}

  /**
   * The minimal form of an Open Badges credential, unsigned: the issuer signs it like any other credential.
   *
   * @throws IllegalArgumentException when the input is not an Open Badges credential object
   */
  public static ObjectNode of(JsonNode credential) {
    if (credential == null || !credential.isObject() || !OpenBadges.isOpenBadge(credential)) {
      throw new IllegalArgumentException("the minimal form is made from an Open Badges credential object");
    }
    ObjectNode minimal = copy(credential, KEPT_AT_TOP);
    JsonNode issuer = credential.get("issuer");
    if (issuer != null && issuer.isObject()) {
      minimal.set("issuer", copy(issuer, KEPT_OF_ISSUER));
    }
    JsonNode subject = credential.get("credentialSubject");
    if (subject != null && subject.isArray()) {
      ArrayNode subjects = minimal.putArray("credentialSubject");
      subject.forEach(s -> subjects.add(subject(s)));
    } else if (subject != null) {
      minimal.set("credentialSubject", subject(subject));
    }
    if (credential.has("credentialStatus")) {
      minimal.set("credentialStatus", credential.get("credentialStatus").deepCopy());
    }
    return minimal;
  }

  private static JsonNode subject(JsonNode subject) {
    if (!subject.isObject()) {
      return subject.deepCopy();
    }
    ObjectNode kept = copy(subject, KEPT_OF_SUBJECT);
    JsonNode achievement = subject.get("achievement");
    if (achievement != null && achievement.isObject()) {
      ObjectNode minimal = copy(achievement, KEPT_OF_ACHIEVEMENT);
      minimal.put("description", "");
      minimal.putObject("criteria");
      kept.set("achievement", minimal);
    }
    return kept;
  }

  /** The named fields present in {@code source}, in the order named. */
  private static ObjectNode copy(JsonNode source, List<String> fields) {
    ObjectNode copy = Json.newObject();
    for (String field : fields) {
      JsonNode value = source.get(field);
      if (value != null) {
        copy.set(field, value.deepCopy());
      }
    }
    return copy;
  }
}
