package org.saypro.dcop.community.resources;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.events.CommunityEvents;
import org.saypro.dcop.community.events.EventTypes;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Writing the library: creating a resource with its first file, adding versions, submitting them and reviewing
 * them. Every file is read under the size limit and sniffed before anything is stored. Callers decide who may do
 * what (through CommunityAccess); this class keeps versions and their states consistent.
 */
@Singleton
public class ResourcePublishing {

  private final JdbcOperations jdbc;
  private final ResourceStore store;
  private final CommunityEvents events;
  private final long maxBytes;

  ResourcePublishing(JdbcOperations jdbc, ResourceStore store, CommunityEvents events,
      @Value("${dcop.community.resources.max-bytes:7340032}") long maxBytes) {
    this.jdbc = jdbc;
    this.store = store;
    this.events = events;
    this.maxBytes = maxBytes;
  }

  /** The largest file accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Creates the resource with the upload as its draft version 1; returns the resource's id. */
  @Transactional
  public UUID create(NewResource resource, Upload upload, UUID author) {
    UUID id = UUID.randomUUID();
    Rows.update(jdbc, "insert into resource (id, title, description, kind, group_slug, tags, licence,"
        + " author_organisation, author_id, search) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " to_tsvector('english', ? || ' ' || ? || ' ' || ?))", s -> {
          s.setObject(1, id);
          s.setString(2, resource.title());
          s.setString(3, resource.description());
          s.setString(4, resource.kind().code());
          s.setString(5, resource.group());
          s.setArray(6, s.getConnection().createArrayOf("text", resource.tags().toArray()));
          s.setString(7, resource.licence());
          s.setString(8, resource.organisation());
          s.setObject(9, author);
          s.setString(10, resource.title());
          s.setString(11, resource.description());
          s.setString(12, String.join(" ", resource.tags()));
        });
    insertVersion(id, 1, upload, author);
    return id;
  }

  /** Adds the upload as the next version, a draft; returns its number. */
  @Transactional
  public int addVersion(Resource resource, Upload upload, UUID uploader) {
    // Locking the resource row serialises concurrent uploads, so two never take the same number.
    Rows.one(jdbc, "select 1 from resource where id = ? for update", s -> s.setObject(1, resource.id()), r -> true);
    int next = Rows.one(jdbc, "select coalesce(max(version), 0) + 1 from resource_version where resource_id = ?",
        s -> s.setObject(1, resource.id()), r -> r.getInt(1)).orElse(1);
    insertVersion(resource.id(), next, upload, uploader);
    return next;
  }

  /** Sends a draft or rejected version to the group's coordinators. */
  @Transactional
  public void submit(ResourceVersion version) {
    if (version.state() != VersionState.DRAFT && version.state() != VersionState.REJECTED) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "version " + version.version() + " is "
          + version.state().code() + ": only a draft or rejected version can be submitted");
    }
    setState(version, VersionState.SUBMITTED, Optional.empty(), Optional.empty());
  }

  /**
   * Approves or rejects a submitted version. Approval publishes it (the resource shows its newest approved
   * version) and records resource.published for the resource's author in the same transaction.
   */
  @Transactional
  public Review review(Resource resource, ResourceVersion version, boolean approve, Optional<String> note,
      UUID reviewer) {
    if (version.state() != VersionState.SUBMITTED) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "version " + version.version() + " is "
          + version.state().code() + ": only a submitted version can be reviewed");
    }
    if (!approve) {
      setState(version, VersionState.REJECTED, note, Optional.of(reviewer));
      return new Review.Rejected(version.version());
    }
    setState(version, VersionState.APPROVED, note, Optional.of(reviewer));
    Rows.update(jdbc, "update resource set published_version = greatest(coalesce(published_version, 0), ?)"
        + " where id = ?", s -> {
          s.setInt(1, version.version());
          s.setObject(2, resource.id());
        });
    long event = events.record(EventTypes.RESOURCE_PUBLISHED, resource.authorId(), Optional.of(resource.group()),
        Instant.now(), Json.newObject().put("resourceId", resource.id().toString())
            .put("version", version.version()).put("kind", resource.kind().code()).put("title", resource.title()))
        .id();
    return new Review.Published(version.version(), event);
  }

  private void setState(ResourceVersion version, VersionState state, Optional<String> note,
      Optional<UUID> reviewer) {
    Rows.update(jdbc, "update resource_version set state = ?, review_note = ?, reviewed_by = ?,"
        + " reviewed_at = case when ?::uuid is null then null else now() end where resource_id = ? and version = ?",
        s -> {
          s.setString(1, state.code());
          s.setString(2, note.orElse(null));
          s.setObject(3, reviewer.orElse(null));
          s.setObject(4, reviewer.orElse(null));
          s.setObject(5, version.resourceId());
          s.setInt(6, version.version());
        });
  }

  /**
   * Reads the upload under the limit, sniffs it, stores it under a new key and records the version. If the row
   * cannot be written the file is removed again, so the store holds no file without a version.
   */
  private void insertVersion(UUID resource, int version, Upload upload, UUID uploader) {
    byte[] content = readLimited(upload.content());
    Sniffed sniffed = ContentSniffer.sniff(content, upload.fileName(), upload.declaredType());
    if (sniffed instanceof Sniffed.Refused refused) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the file is refused: " + refused.reason(),
          List.of(new FieldError("/file", refused.reason())));
    }
    FileType type = ((Sniffed.Accepted) sniffed).type();
    String key = ResourceStore.newKey();
    try {
      store.put(key, new ByteArrayInputStream(content), maxBytes);
      Rows.update(jdbc, "insert into resource_version (resource_id, version, storage_key, file_name, media_type,"
          + " size_bytes, sha256, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setObject(1, resource);
            s.setInt(2, version);
            s.setString(3, key);
            s.setString(4, upload.fileName());
            s.setString(5, type.mediaType());
            s.setLong(6, content.length);
            s.setString(7, sha256(content));
            s.setObject(8, uploader);
          });
    } catch (IOException | RuntimeException e) {
      deleteQuietly(key, e);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("the file could not be stored", io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The whole stream, refused with 413 as soon as it passes the limit rather than after reading it all. */
  byte[] readLimited(InputStream in) {
    try (in) {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (content.length > maxBytes) {
        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the file is larger than the library's limit of "
            + maxBytes + " bytes (" + (maxBytes / (1024 * 1024)) + " MiB)");
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException("the upload could not be read", e);
    }
  }

  private void deleteQuietly(String key, Exception cause) {
    try {
      store.delete(key);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The stored bytes of a version, for download. */
  public InputStream open(ResourceVersion version) {
    try {
      return store.get(version.storageKey());
    } catch (IOException e) {
      throw new UncheckedIOException("the file of version " + version.version() + " could not be read", e);
    }
  }
}
