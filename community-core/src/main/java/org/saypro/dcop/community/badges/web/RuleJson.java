package org.saypro.dcop.community.badges.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.nio.charset.StandardCharsets;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.community.badges.BadgeAward;
import org.saypro.dcop.community.badges.RuleDefinition;
import org.saypro.dcop.community.badges.RuleText;
import org.saypro.dcop.community.badges.StoredRule;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Rules and awards as JSON, and a rule read from a request body (JSON, or YAML sent as application/yaml). */
final class RuleJson {

  static final String YAML = "application/yaml";
  private static final int MAX_BYTES = 4 * RuleText.MAX_CHARS;

  private RuleJson() {}

  static RuleDefinition read(HttpRequest<?> request, byte[] body) {
    boolean yaml = request.getContentType().map(MediaType::getName)
        .filter(type -> type.equals(YAML) || type.equals("text/yaml")).isPresent();
    RuleText.Parsed parsed;
    if (yaml) {
      if (body == null || body.length > MAX_BYTES) {
        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "a rule is at most " + MAX_BYTES + " bytes");
      }
      parsed = RuleText.parseYaml(new String(body, StandardCharsets.UTF_8));
    } else {
      parsed = RuleText.parse(Json.mapper().convertValue(JsonBodies.readObject(body, MAX_BYTES), Object.class));
    }
    if (parsed instanceof RuleText.Parsed.Invalid invalid) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the badge rule is not valid", invalid.errors());
    }
    return ((RuleText.Parsed.Valid) parsed).rule();
  }

  static ObjectNode rule(Organisation organisation, StoredRule rule) {
    ObjectNode json = Json.newObject();
    json.put("id", rule.id().toString());
    json.put("organisation", organisation.slug());
    json.put("version", rule.version());
    json.put("locked", rule.locked());
    json.put("createdAt", rule.createdAt().toString());
    json.set("rule", Json.mapper().valueToTree(RuleText.tree(rule.definition())));
    json.put("yaml", RuleText.yaml(rule.definition()));
    return json;
  }

  static ObjectNode award(BadgeAward award) {
    ObjectNode json = Json.newObject();
    json.put("member", award.userId().toString());
    json.put("ruleVersion", award.ruleVersion());
    award.credential().ifPresent(c -> json.put("credential", c.toString()));
    json.put("notified", award.notified());
    json.put("awardedAt", award.awardedAt().toString());
    award.revokedAt().ifPresent(at -> json.put("revokedAt", at.toString()));
    award.revokeReason().ifPresent(reason -> json.put("revokeReason", reason));
    return json;
  }

  static String reason(byte[] body) {
    JsonNode reason = JsonBodies.readObject(body, 4096).get("reason");
    return reason == null || !reason.isTextual() ? "" : reason.textValue();
  }
}
