package org.saypro.dcop.core.openbadges;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.json.Json;

/**
 * An Open Badges 3.0 {@code Evidence} object: what the learner did to earn the achievement (an attended webinar, a
 * reported output), carried in the credential's {@code evidence} list.
 *
 * @param id a URI naming the evidence (e.g. the community event it came from); empty when there is none
 */
public record Evidence(Optional<String> id, String name, String description, String narrative) {

  public Evidence {
    Objects.requireNonNull(id, "id");
    if (id.isPresent() && !id.get().matches("[a-zA-Z][a-zA-Z0-9+.-]*:\\S{1,500}")) {
      throw new IllegalArgumentException("an evidence id is a URI");
    }
    text("name", name, 200);
    text("description", description, 1000);
    text("narrative", narrative, 4000);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.newObject();
    id.ifPresent(value -> json.put("id", value));
    json.putArray("type").add("Evidence");
    json.put("name", name);
    json.put("description", description);
    json.put("narrative", narrative);
    return json;
  }

  private static void text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException("evidence " + field + " is 1 to " + max + " characters");
    }
  }
}
