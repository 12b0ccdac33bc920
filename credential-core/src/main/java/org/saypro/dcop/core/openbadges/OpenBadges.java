package org.saypro.dcop.core.openbadges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Open Badges 3.0 conventions applied when issuing. */
public final class OpenBadges {

  public static final String ACHIEVEMENT_CREDENTIAL_SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
  public static final String SCHEMA_VALIDATOR_TYPE = "1EdTechJsonSchemaValidator2019";

  private OpenBadges() {}

  public static boolean isOpenBadge(JsonNode credential) {
    String types = credential.path("type").toString();
    return types.contains("\"OpenBadgeCredential\"") || types.contains("\"AchievementCredential\"")
        || credential.path("type").asText().equals("OpenBadgeCredential")
        || credential.path("type").asText().equals("AchievementCredential");
  }

  /**
   * Adds the {@code credentialSchema} entry naming the Open Badges 3.0 achievement credential schema, as the
   * specification recommends, unless the credential already names it.
   */
  public static void addSchemaReference(ObjectNode credential) {
    JsonNode existing = credential.get("credentialSchema");
    if (existing != null && existing.toString().contains(ACHIEVEMENT_CREDENTIAL_SCHEMA)) {
      return;
    }
    ArrayNode schemas = credential.arrayNode();
    if (existing != null && existing.isArray()) {
      schemas.addAll((ArrayNode) existing);
    } else if (existing != null) {
      schemas.add(existing);
    }
    schemas.addObject().put("id", ACHIEVEMENT_CREDENTIAL_SCHEMA).put("type", SCHEMA_VALIDATOR_TYPE);
    credential.set("credentialSchema", schemas);
  }
}
