package org.saypro.dcop.core.openbadges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.model.Urls;

/**
 * An Open Badges 3.0 {@code Alignment}: a link from an achievement to an entry in a framework, such as a level on a
 * national qualifications framework or a unit standard.
 *
 * @param targetName the entry's name, e.g. "NQF Level 5"
 * @param targetUrl where the entry is described (required by Open Badges)
 * @param targetCode the entry's code in its framework, e.g. "5" or a SAQA unit standard id
 * @param targetFramework the framework's name, e.g. "South African NQF"
 */
public record Alignment(
    String targetName, String targetUrl, Optional<String> targetCode, Optional<String> targetFramework) {

  public Alignment {
    Objects.requireNonNull(targetCode, "targetCode");
    Objects.requireNonNull(targetFramework, "targetFramework");
    if (targetName == null || targetName.isBlank() || targetName.length() > 200) {
      throw new IllegalArgumentException("an alignment names its target (1 to 200 characters)");
    }
    if (!Urls.isAbsolute(targetUrl) || !(targetUrl.startsWith("https://") || targetUrl.startsWith("http://"))) {
      throw new IllegalArgumentException("an alignment's targetUrl is an absolute http(s) URL");
    }
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.newObject();
    json.putArray("type").add("Alignment");
    json.put("targetName", targetName);
    json.put("targetUrl", targetUrl);
    targetCode.ifPresent(code -> json.put("targetCode", code));
    targetFramework.ifPresent(framework -> json.put("targetFramework", framework));
    return json;
  }

  /** Reads the JSON {@link #toJson} writes; throws IllegalArgumentException naming what is wrong. */
  public static Alignment fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("an alignment is an object");
    }
    return new Alignment(
        json.path("targetName").asText(null), json.path("targetUrl").asText(null), text(json, "targetCode"),
        text(json, "targetFramework"));
  }

  private static Optional<String> text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
