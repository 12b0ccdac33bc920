package org.saypro.dcop.community.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.saypro.dcop.community.resources.QueuedVersion;
import org.saypro.dcop.community.resources.Resource;
import org.saypro.dcop.community.resources.ResourceVersion;
import org.saypro.dcop.core.json.Json;

/** The JSON shapes of the resource library. */
final class ResourceJson {

  private ResourceJson() {}

  static ObjectNode resource(Resource r) {
    ObjectNode json = Json.newObject().put("id", r.id().toString()).put("title", r.title())
        .put("description", r.description()).put("kind", r.kind().code()).put("group", r.group())
        .put("licence", r.licence()).put("organisation", r.organisation()).put("authorId", r.authorId().toString())
        .put("createdAt", r.createdAt().toString()).put("published", r.published()).put("downloads", r.downloads());
    ArrayNode tags = json.putArray("tags");
    r.tags().forEach(tags::add);
    r.publishedVersion().ifPresent(v -> json.put("publishedVersion", v));
    return json;
  }

  static ObjectNode withVersions(Resource r, List<ResourceVersion> versions) {
    ObjectNode json = resource(r);
    ArrayNode list = json.putArray("versions");
    versions.forEach(v -> list.add(version(v)));
    return json;
  }

  static ObjectNode version(ResourceVersion v) {
    ObjectNode json = Json.newObject().put("version", v.version()).put("fileName", v.fileName())
        .put("mediaType", v.mediaType()).put("sizeBytes", v.sizeBytes()).put("sha256", v.sha256())
        .put("state", v.state().code()).put("uploadedAt", v.uploadedAt().toString()).put("downloads", v.downloads())
        .put("download", "/community/resources/" + v.resourceId() + "/versions/" + v.version() + "/file");
    v.reviewNote().ifPresent(n -> json.put("reviewNote", n));
    return json;
  }

  static ObjectNode queued(QueuedVersion q) {
    return Json.newObject().put("resourceId", q.resource().id().toString()).put("title", q.resource().title())
        .put("group", q.resource().group()).put("version", q.version()).put("fileName", q.fileName())
        .put("uploadedAt", q.uploadedAt().toString());
  }
}
