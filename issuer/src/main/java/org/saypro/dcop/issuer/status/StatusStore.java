package org.saypro.dcop.issuer.status;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.saypro.dcop.core.status.StatusChangeTimes;
import java.util.UUID;
import java.util.stream.IntStream;

/** SQL of status lists, entries and changes. Callers hold the transaction. */
@Singleton
class StatusStore {

  private final JdbcOperations jdbc;

  StatusStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** A list that still takes new entries. */
  record OpenList(StatusListId id, int size) {}

  /** A credential's entry in a list. */
  record Entry(StatusListId list, int index, boolean set, Instant changedAt) {}

  /** The signed forms of a list as last built. */
  record Published(StatusListId id, long version, String vcJwt, String diJson, Instant builtAt) {}

  /** One audited change. */
  record Change(long changeId, String purpose, String action, String actor, String reason, Instant changedAt) {}

  /** An issued credential, as a status change names it. */
  record IssuedCredential(UUID uuid, String credentialId, byte[] securedSha256) {}

  /**
   * The credential, its row locked until the transaction ends: its revocation and suspension bits are in two lists,
   * locked apart, so without this a suspension could pass its "not revoked" check while a revocation commits.
   * {@code no key update}, the weakest lock that excludes itself: rows referencing the credential can still be added.
   */
  Optional<IssuedCredential> lockCredential(UUID uuid) {
    return oneCredential(
        "select uuid, credential_id, secured_sha256 from credential where uuid = ? for no key update", uuid);
  }

  Optional<IssuedCredential> credentialById(String credentialId) {
    return oneCredential("select uuid, credential_id, secured_sha256 from credential where credential_id = ?",
        credentialId);
  }

  /** The issuer DID a credential was issued under: whose officers may change its status. */
  Optional<String> issuerOf(UUID credential) {
    return jdbc.prepareStatement("select issuer from credential where uuid = ?", s -> {
      s.setObject(1, credential);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
      }
    });
  }

  private Optional<IssuedCredential> oneCredential(String sql, Object key) {
    return jdbc.prepareStatement(sql, s -> {
      s.setObject(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(new IssuedCredential(r.getObject(1, UUID.class), r.getString(2), r.getBytes(3)))
            : Optional.<IssuedCredential>empty();
      }
    });
  }

  Optional<OpenList> openList(String owner, StatusListId.Purpose purpose) {
    return jdbc.prepareStatement(
        "select seq, size from status_list where owner = ? and purpose = ? and full_since is null order by seq"
            + " limit 1", s -> {
          s.setString(1, owner);
          s.setString(2, purpose.label());
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new OpenList(new StatusListId(owner, purpose, r.getInt(1)), r.getInt(2)))
                : Optional.<OpenList>empty();
          }
        });
  }

  /** The owner's lists that have been built, to rebuild them all (after a key revocation). */
  List<StatusListId> lists(String owner) {
    return jdbc.prepareStatement("select list_id from status_list where owner = ? order by list_id", s -> {
      s.setString(1, owner);
      List<StatusListId> lists = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          lists.add(StatusListId.parse(r.getString(1)).orElseThrow());
        }
      }
      return lists;
    });
  }

  int nextSeq(String owner, StatusListId.Purpose purpose) {
    return jdbc.prepareStatement(
        "select coalesce(max(seq), 0) + 1 from status_list where owner = ? and purpose = ?", s -> {
      s.setString(1, owner);
      s.setString(2, purpose.label());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    });
  }

  /** False when another transaction created it first. */
  boolean createList(StatusListId id, int size) {
    return jdbc.prepareStatement(
        "insert into status_list (list_id, purpose, seq, size, owner) values (?, ?, ?, ?, ?) on conflict do nothing",
        s -> {
          s.setString(1, id.toString());
          s.setString(2, id.purpose().label());
          s.setInt(3, id.seq());
          s.setInt(4, size);
          s.setString(5, id.owner());
          return s.executeUpdate() == 1;
        });
  }

  void markFull(StatusListId id) {
    jdbc.prepareStatement("update status_list set full_since = now() where list_id = ? and full_since is null", s -> {
      s.setString(1, id.toString());
      return s.executeUpdate();
    });
  }

  /**
   * Gives the n-th credential the n-th index, for those indexes still free. An index another instance of the service
   * took is skipped, and its credential gets none this time: one committed, by the primary key; one in a transaction
   * still open, by a transaction-scoped advisory lock on (list, index) tried without waiting, which every allocation
   * takes, since an insert would wait for that transaction (signing a whole chunk), or deadlock with it.
   *
   * @return the credentials that got their index
   */
  Set<UUID> take(StatusListId list, int[] indexes, List<UUID> credentials) {
    return jdbc.prepareStatement(
        "insert into status_entry (list_id, list_index, credential_uuid, purpose)"
            + " select ?, v.i, v.c, ? from unnest(?::int[], ?::uuid[]) as v(i, c)"
            + " where pg_try_advisory_xact_lock(hashtext(?), v.i)"
            + " on conflict (list_id, list_index) do nothing returning credential_uuid", s -> {
          Connection connection = s.getConnection();
          s.setString(1, list.toString());
          s.setString(2, list.purpose().label());
          s.setArray(3, connection.createArrayOf("int4", IntStream.of(indexes).boxed().toArray(Integer[]::new)));
          s.setArray(4, connection.createArrayOf("uuid", credentials.toArray(UUID[]::new)));
          s.setString(5, list.toString());
          Set<UUID> taken = new HashSet<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              taken.add(r.getObject(1, UUID.class));
            }
          }
          return taken;
        });
  }

  /** Every index of the list that has an entry. */
  int[] takenIndexes(StatusListId list) {
    return jdbc.prepareStatement("select list_index from status_entry where list_id = ?", s -> {
      s.setString(1, list.toString());
      IntStream.Builder taken = IntStream.builder();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          taken.add(r.getInt(1));
        }
      }
      return taken.build().toArray();
    });
  }

  Optional<Entry> entry(UUID credential, StatusListId.Purpose purpose) {
    return jdbc.prepareStatement(
        "select list_id, list_index, is_set, changed_at from status_entry where credential_uuid = ? and purpose = ?",
        s -> {
          s.setObject(1, credential);
          s.setString(2, purpose.label());
          try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
              return Optional.<Entry>empty();
            }
            Timestamp changed = r.getTimestamp(4);
            return Optional.of(new Entry(StatusListId.parse(r.getString(1)).orElseThrow(), r.getInt(2), r.getBoolean(3),
                changed == null ? null : changed.toInstant()));
          }
        });
  }

  /**
   * Locks the list row: changes and builds of one list happen one at a time, so no update is lost. {@code no key
   * update} leaves issuance free to add entries (their foreign key takes a key-share lock) while a list is rebuilt.
   */
  int lockList(StatusListId id) {
    return jdbc.prepareStatement("select size from status_list where list_id = ? for no key update", s -> {
      s.setString(1, id.toString());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("no status list " + id);
        }
        return r.getInt(1);
      }
    });
  }

  void setEntry(StatusListId list, int index, boolean set, Instant at) {
    jdbc.prepareStatement(
        "update status_entry set is_set = ?, changed_at = ? where list_id = ? and list_index = ?", s -> {
          s.setBoolean(1, set);
          s.setTimestamp(2, Timestamp.from(at));
          s.setString(3, list.toString());
          s.setInt(4, index);
          return s.executeUpdate();
        });
  }

  /** The indexes whose bit is set. */
  int[] setIndexes(StatusListId list) {
    return jdbc.prepareStatement(
        "select list_index from status_entry where list_id = ? and is_set order by list_index", s -> {
          s.setString(1, list.toString());
          List<Integer> indexes = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              indexes.add(r.getInt(1));
            }
          }
          return indexes.stream().mapToInt(Integer::intValue).toArray();
        });
  }

  /** Records a build and returns its version (one more than the last). */
  long storeBuilt(StatusListId id, String vcJwt, String diJson, Instant builtAt) {
    return jdbc.prepareStatement(
        "update status_list set version = version + 1, vc_jwt = ?, di_json = ?, built_at = ? where list_id = ?"
            + " returning version", s -> {
          s.setString(1, vcJwt);
          s.setString(2, diJson);
          s.setTimestamp(3, Timestamp.from(builtAt));
          s.setString(4, id.toString());
          try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  Optional<Published> published(StatusListId id) {
    return jdbc.prepareStatement(
        "select version, vc_jwt, di_json, built_at from status_list where list_id = ? and vc_jwt is not null",
        s -> {
          s.setString(1, id.toString());
          try (ResultSet r = s.executeQuery()) {
            return r.next()
                ? Optional.of(new Published(id, r.getLong(1), r.getString(2), r.getString(3),
                    r.getTimestamp(4).toInstant()))
                : Optional.<Published>empty();
          }
        });
  }

  long insertChange(UUID credential, String purpose, String action, String actor, String reason, String statement,
                    Instant at) {
    return jdbc.prepareStatement(
        "insert into status_change (credential_uuid, purpose, action, actor, reason, statement, changed_at)"
            + " values (?, ?, ?, ?, ?, ?, ?) returning change_id", s -> {
          s.setObject(1, credential);
          s.setString(2, purpose);
          s.setString(3, action);
          s.setString(4, actor);
          s.setString(5, reason);
          s.setString(6, statement);
          s.setTimestamp(7, Timestamp.from(at));
          try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  /** The newest change of this bit, and its leaf in the log once integrated. */
  Optional<StatusChangeTimes.Recorded> lastChange(StatusListId list, int index) {
    return jdbc.prepareStatement(
        "select c.changed_at, l.leaf_index from status_entry e"
            + " join status_change c on c.credential_uuid = e.credential_uuid and c.purpose = e.purpose"
            + " left join log_entry l on l.status_change_id = c.change_id"
            + " where e.list_id = ? and e.list_index = ? order by c.change_id desc limit 1", s -> {
          s.setString(1, list.toString());
          s.setInt(2, index);
          try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
              return Optional.<StatusChangeTimes.Recorded>empty();
            }
            Instant at = r.getTimestamp(1).toInstant();
            long leaf = r.getLong(2);
            return Optional.of(new StatusChangeTimes.Recorded(at, r.wasNull() ? OptionalLong.empty() : OptionalLong.of(leaf)));
          }
        });
  }

  List<Change> changes(UUID credential) {
    return jdbc.prepareStatement(
        "select change_id, purpose, action, actor, reason, changed_at from status_change where credential_uuid = ?"
            + " order by change_id", s -> {
          s.setObject(1, credential);
          List<Change> changes = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              changes.add(new Change(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                  r.getTimestamp(6).toInstant()));
            }
          }
          return changes;
        });
  }
}
