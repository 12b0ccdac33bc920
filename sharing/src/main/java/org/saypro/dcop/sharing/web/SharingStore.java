package org.saypro.dcop.sharing.web;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

/** SQL of credential_sharing: visibility and counts. */
@Singleton
class SharingStore {

  record Sharing(Visibility visibility, long views, long verifications) {
    static final Sharing NONE = new Sharing(Visibility.PUBLIC, 0, 0);
  }

  private final JdbcOperations jdbc;

  SharingStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  Sharing of(UUID credential) {
    return jdbc.prepareStatement(
        "select visibility, views, verifications from credential_sharing where credential_uuid = ?", s -> {
          s.setObject(1, credential);
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? new Sharing(Visibility.fromLabel(r.getString(1)).orElse(Visibility.HIDDEN),
                r.getLong(2), r.getLong(3)) : Sharing.NONE;
          }
        });
  }

  @Transactional
  void setVisibility(UUID credential, Visibility visibility) {
    jdbc.prepareStatement("insert into credential_sharing (credential_uuid, visibility) values (?, ?)"
        + " on conflict (credential_uuid) do update set visibility = excluded.visibility, updated_at = now()", s -> {
          s.setObject(1, credential);
          s.setString(2, visibility.label());
          return s.executeUpdate();
        });
  }

  /** Adds counts gathered in memory; credentials that no longer exist are skipped. */
  @Transactional
  void add(Map<UUID, long[]> counts) {
    jdbc.prepareStatement("insert into credential_sharing (credential_uuid, views, verifications)"
        + " select ?, ?, ? where exists (select 1 from credential where uuid = ?)"
        + " on conflict (credential_uuid) do update set views = credential_sharing.views + excluded.views,"
        + " verifications = credential_sharing.verifications + excluded.verifications", s -> {
          for (Map.Entry<UUID, long[]> count : counts.entrySet()) {
            s.setObject(1, count.getKey());
            s.setLong(2, count.getValue()[0]);
            s.setLong(3, count.getValue()[1]);
            s.setObject(4, count.getKey());
            s.addBatch();
          }
          return s.executeBatch();
        });
  }
}
