package org.saypro.dcop.community.resources;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.saypro.dcop.community.support.Page;
import org.saypro.dcop.community.support.PageRequest;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Reading the library: resources, their versions, search over published ones, the review queue, and counting
 * downloads. Callers decide who may see unpublished versions (through CommunityAccess).
 */
@Singleton
public class ResourceLibrary {

  static final String COLUMNS = "r.id, r.title, r.description, r.kind, r.group_slug, r.tags, r.licence,"
      + " r.author_organisation, r.author_id, r.created_at, r.published_version,"
      + " coalesce((select sum(v.downloads) from resource_version v where v.resource_id = r.id), 0)";
  static final String VERSION_COLUMNS = "resource_id, version, storage_key, file_name, media_type, size_bytes,"
      + " sha256, state, uploaded_by, uploaded_at, review_note, downloads";

  private final JdbcOperations jdbc;

  ResourceLibrary(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** The resource, or 404; callers hide unpublished ones from members who may not see them. */
  @Transactional(readOnly = true)
  public Resource require(UUID id) {
    return Rows.one(jdbc, "select " + COLUMNS + " from resource r where r.id = ?", s -> s.setObject(1, id),
        ResourceLibrary::resource)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no resource has the id " + id));
  }

  /** All the resource's versions, newest first. */
  @Transactional(readOnly = true)
  public List<ResourceVersion> versions(UUID resource) {
    return Rows.list(jdbc, "select " + VERSION_COLUMNS + " from resource_version where resource_id = ?"
        + " order by version desc", s -> s.setObject(1, resource), ResourceLibrary::version);
  }

  @Transactional(readOnly = true)
  public ResourceVersion version(UUID resource, int version) {
    return Rows.one(jdbc, "select " + VERSION_COLUMNS + " from resource_version where resource_id = ? and version = ?",
        s -> {
          s.setObject(1, resource);
          s.setInt(2, version);
        }, ResourceLibrary::version)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "the resource has no version " + version));
  }

  /** Published resources matching the filter: best match first when there are words, else newest first. */
  @Transactional(readOnly = true)
  public Page<Resource> search(ResourceFilter filter, PageRequest page) {
    int offset = page.offset();
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from resource r"
        + " where r.published_version is not null");
    List<String> values = new ArrayList<>();
    filter.query().ifPresent(q -> {
      sql.append(" and r.search @@ websearch_to_tsquery('english', ?)");
      values.add(q);
    });
    filter.kind().ifPresent(k -> {
      sql.append(" and r.kind = ?");
      values.add(k.code());
    });
    filter.group().ifPresent(g -> {
      sql.append(" and r.group_slug = ?");
      values.add(g);
    });
    filter.tag().ifPresent(t -> {
      sql.append(" and ? = any (r.tags)");
      values.add(t);
    });
    filter.licence().ifPresent(l -> {
      sql.append(" and r.licence = ?");
      values.add(l);
    });
    if (filter.query().isPresent()) {
      sql.append(" order by ts_rank(r.search, websearch_to_tsquery('english', ?)) desc, r.created_at desc");
      values.add(filter.query().get());
    } else {
      sql.append(" order by r.created_at desc");
    }
    sql.append(", r.id limit ? offset ?");
    return page.offsetPage(Rows.list(jdbc, sql.toString(), s -> {
      for (int i = 0; i < values.size(); i++) {
        s.setString(i + 1, values.get(i));
      }
      s.setInt(values.size() + 1, page.fetch());
      s.setInt(values.size() + 2, offset);
    }, ResourceLibrary::resource));
  }

  /** Versions waiting for review in these groups (every group: empty), oldest first. */
  @Transactional(readOnly = true)
  public Page<QueuedVersion> queue(Optional<Set<String>> groups, PageRequest page) {
    int offset = page.offset();
    return page.offsetPage(Rows.list(jdbc, "select " + COLUMNS + ", v.version, v.file_name, v.uploaded_at from resource r"
        + " join resource_version v on v.resource_id = r.id where v.state = 'submitted'"
        + " and (? or r.group_slug = any (?)) order by v.uploaded_at, r.id, v.version limit ? offset ?", s -> {
          s.setBoolean(1, groups.isEmpty());
          s.setArray(2, s.getConnection().createArrayOf("text", groups.orElse(Set.of()).toArray()));
          s.setInt(3, page.fetch());
          s.setInt(4, offset);
        }, r -> new QueuedVersion(resource(r), r.getInt(13), r.getString(14), r.getTimestamp(15).toInstant())));
  }

  @Transactional(readOnly = true)
  public boolean groupExists(String slug) {
    return Rows.one(jdbc, "select 1 from working_group where slug = ?", s -> s.setString(1, slug), r -> true)
        .isPresent();
  }

  /** Counts one download of an approved version. */
  @Transactional
  public void countDownload(ResourceVersion version) {
    Rows.update(jdbc, "update resource_version set downloads = downloads + 1 where resource_id = ? and version = ?",
        s -> {
          s.setObject(1, version.resourceId());
          s.setInt(2, version.version());
        });
  }

  static Resource resource(ResultSet r) throws SQLException {
    Array tags = r.getArray(6);
    int published = r.getInt(11);
    Optional<Integer> publishedVersion = r.wasNull() ? Optional.empty() : Optional.of(published);
    return new Resource(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
        ResourceKind.byCode(r.getString(4)).orElseThrow(), r.getString(5),
        Arrays.asList((String[]) tags.getArray()), r.getString(7), r.getString(8), r.getObject(9, UUID.class),
        r.getTimestamp(10).toInstant(), publishedVersion, r.getLong(12));
  }

  static ResourceVersion version(ResultSet r) throws SQLException {
    return new ResourceVersion(r.getObject(1, UUID.class), r.getInt(2), r.getString(3), r.getString(4),
        r.getString(5), r.getLong(6), r.getString(7), VersionState.of(r.getString(8)), r.getObject(9, UUID.class),
        r.getTimestamp(10).toInstant(), Optional.ofNullable(r.getString(11)), r.getLong(12));
  }
}
