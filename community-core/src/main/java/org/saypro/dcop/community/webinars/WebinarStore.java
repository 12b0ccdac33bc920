package org.saypro.dcop.community.webinars;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.support.Rows;

/** SQL of webinars; callers hold the transaction. */
@Singleton
class WebinarStore {

  private static final String COLUMNS = "id, group_slug, kind, title, description, starts_at, ends_at, time_zone,"
      + " capacity, join_url, recording_url";

  private final JdbcOperations jdbc;

  WebinarStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Webinar w, UUID createdBy) {
    Rows.update(jdbc, "insert into webinar (" + COLUMNS + ", created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s -> {
          s.setObject(1, w.id());
          s.setString(2, w.groupSlug());
          s.setString(3, w.kind());
          s.setString(4, w.title());
          s.setString(5, w.description());
          s.setTimestamp(6, Timestamp.from(w.startsAt()));
          s.setTimestamp(7, Timestamp.from(w.endsAt()));
          s.setString(8, w.zone().getId());
          s.setInt(9, w.capacity());
          s.setString(10, w.joinUrl().map(URI::toString).orElse(null));
          s.setString(11, w.recordingUrl().map(URI::toString).orElse(null));
          s.setObject(12, createdBy);
        });
  }

  Optional<Webinar> byId(UUID id) {
    return Rows.one(jdbc, "select " + COLUMNS + " from webinar where id = ?", s -> s.setObject(1, id),
        WebinarStore::webinar);
  }

  /** The webinar, its row locked until the transaction ends: seats are counted under this lock. */
  Optional<Webinar> lock(UUID id) {
    return Rows.one(jdbc, "select " + COLUMNS + " from webinar where id = ? for update", s -> s.setObject(1, id),
        WebinarStore::webinar);
  }

  boolean setRecording(UUID id, URI recording) {
    return Rows.update(jdbc, "update webinar set recording_url = ? where id = ?", s -> {
      s.setString(1, recording.toString());
      s.setObject(2, id);
    }) > 0;
  }

  /** Webinars ending after the instant, soonest first; of one group, or of all when group is empty. */
  List<Webinar> endingAfter(Instant after, Optional<String> group, int limit) {
    return Rows.list(jdbc, "select " + COLUMNS + " from webinar where ends_at > ? and (cast(? as text) is null or group_slug = ?)"
        + " order by starts_at, id limit ?", s -> {
          s.setTimestamp(1, Timestamp.from(after));
          s.setString(2, group.orElse(null));
          s.setString(3, group.orElse(null));
          s.setInt(4, limit);
        }, WebinarStore::webinar);
  }

  /** A group's webinars from the instant on, for its calendar feed. */
  List<Webinar> ofGroupSince(String group, Instant since, int limit) {
    return Rows.list(jdbc, "select " + COLUMNS + " from webinar where group_slug = ? and ends_at > ?"
        + " order by starts_at, id limit ?", s -> {
          s.setString(1, group);
          s.setTimestamp(2, Timestamp.from(since));
          s.setInt(3, limit);
        }, WebinarStore::webinar);
  }

  /** The webinars a member holds a seat or a waiting place for, from the instant on. */
  List<Webinar> ofMemberSince(UUID user, Instant since, int limit) {
    return Rows.list(jdbc, "select " + prefixed("w") + " from webinar w join webinar_registration r"
        + " on r.webinar_id = w.id where r.user_id = ? and w.ends_at > ? order by w.starts_at, w.id limit ?", s -> {
          s.setObject(1, user);
          s.setTimestamp(2, Timestamp.from(since));
          s.setInt(3, limit);
        }, WebinarStore::webinar);
  }

  private static String prefixed(String alias) {
    return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
  }

  static Webinar webinar(ResultSet r) throws SQLException {
    return new Webinar(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
        r.getTimestamp(6).toInstant(), r.getTimestamp(7).toInstant(), ZoneId.of(r.getString(8)), r.getInt(9),
        Optional.ofNullable(r.getString(10)).map(URI::create), Optional.ofNullable(r.getString(11)).map(URI::create));
  }
}
