package org.saypro.dcop.community.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.core.json.Json;

/**
 * Reads a resource's metadata from form fields (the API's multipart parts and the upload page send the same
 * names), ending the request with 400 naming every offending field.
 */
public final class ResourceMetadata {

  public static final int MAX_TAGS = 10;
  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9 -]{0,39}");

  private ResourceMetadata() {}

  /** The metadata from the form's parts (any may be missing: then it is reported, if required). */
  public static NewResource read(String title, String description, String kind, String group, String tags,
      String licence, String organisation, Predicate<String> groupExists) {
    Map<String, String> form = new HashMap<>();
    form.put("title", title);
    form.put("description", description);
    form.put("kind", kind);
    form.put("group", group);
    form.put("tags", tags);
    form.put("licence", licence);
    form.put("organisation", organisation);
    return read(form, groupExists);
  }

  /** Tags arrive as one comma-separated field; they are kept lower-case so the tag filter matches exactly. */
  public static NewResource read(Map<String, String> form, Predicate<String> groupExists) {
    ObjectNode body = Json.newObject();
    form.forEach((name, value) -> {
      if (value != null && !name.equals("tags")) {
        body.put(name, value);
      }
    });
    ArrayNode tags = body.putArray("tags");
    Arrays.stream(form.get("tags") == null ? new String[0] : form.get("tags").split(","))
        .map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().forEach(tags::add);
    Fields fields = new Fields(body);
    String title = fields.text("title", 200, true).orElse("");
    String description = fields.text("description", 5000, false).orElse("");
    String kindCode = fields.text("kind", 40, true).orElse("");
    ResourceKind kind = ResourceKind.byCode(kindCode).orElse(null);
    if (kind == null && !kindCode.isEmpty()) {
      fields.error("kind", "must be one of " + Arrays.stream(ResourceKind.values()).map(ResourceKind::code).toList());
    }
    String group = fields.text("group", 40, true).orElse("");
    if (!group.isEmpty() && !groupExists.test(group)) {
      fields.error("group", "is not a working group");
    }
    List<String> tagList = fields.texts("tags", MAX_TAGS, 40);
    if (tagList.stream().anyMatch(t -> !TAG.matcher(t).matches())) {
      fields.error("tags", "are letters, digits, spaces and hyphens, each starting with a letter or digit");
    }
    String licence = fields.text("licence", 100, true).orElse("");
    String organisation = fields.text("organisation", 200, true).orElse("");
    fields.done("the resource");
    return new NewResource(title, description, kind, group, tagList, licence, organisation);
  }
}
