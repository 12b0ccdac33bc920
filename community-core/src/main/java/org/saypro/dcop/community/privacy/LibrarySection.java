package org.saypro.dcop.community.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Set;
import org.saypro.dcop.accounts.privacy.DataSubject;
import org.saypro.dcop.accounts.privacy.PersonalDataSection;
import org.saypro.dcop.accounts.privacy.PersonalRows;
import org.saypro.dcop.core.json.Json;

/**
 * Resources the member contributed, the versions they uploaded and the reviews they made. Published resources are
 * the community's (under their licence and author organisation), so erasure keeps them, naming the former member.
 */
@Singleton
class LibrarySection implements PersonalDataSection {

  private final JdbcOperations jdbc;

  LibrarySection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "library";
  }

  @Override
  public int getOrder() {
    return 300;
  }

  @Override
  public Set<String> columns() {
    return Set.of("resource.author_id", "resource_version.uploaded_by", "resource_version.reviewed_by");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("resources", PersonalRows.query(jdbc, "select id, title, kind, group_slug, licence, author_organisation,"
        + " created_at from resource where author_id = ? order by created_at", subject.id()));
    json.set("uploads", PersonalRows.query(jdbc, "select resource_id, version, file_name, media_type, size_bytes,"
        + " state, uploaded_at from resource_version where uploaded_by = ? order by uploaded_at", subject.id()));
    json.set("reviews", PersonalRows.query(jdbc, "select resource_id, version, state, review_note, reviewed_at"
        + " from resource_version where reviewed_by = ? order by reviewed_at", subject.id()));
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    // kept by design (ADR 0027): the rows point at the account, which is anonymised last
  }
}
