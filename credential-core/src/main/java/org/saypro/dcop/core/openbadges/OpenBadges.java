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
    // item by item: writing the type array out as text to search it was 1.5 % of a bulk award's CPU
    JsonNode type = credential.path("type");
    for (int i = 0; type.isArray() && i < type.size(); i++) {
      if (isOpenBadgeType(type.get(i).textValue())) {
        return true;
      }
    }
    return isOpenBadgeType(type.textValue());
  }

  private static boolean isOpenBadgeType(String type) {
    return "OpenBadgeCredential".equals(type) || "AchievementCredential".equals(type);
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
