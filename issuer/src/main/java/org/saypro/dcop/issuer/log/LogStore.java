package org.saypro.dcop.issuer.log;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.core.log.NodeSource;
import org.saypro.dcop.core.log.SubtreeNode;

/** SQL of the transparency log. Callers hold the transaction; this class only reads and writes rows. */
@Singleton
public class LogStore implements NodeSource {

  /** An arbitrary constant naming the sequencer's advisory lock, so one instance sequences at a time. */
  private static final long SEQUENCER_LOCK = 0x64636f706c6f6731L;

  private final JdbcOperations jdbc;

  LogStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** A pending entry: its arrival id and the SHA-256 it commits to. */
  record Pending(long entryId, byte[] dataSha256) {}

  /** A stored checkpoint. */
  public record StoredCheckpoint(long size, Hash root, String signedNote) {}

  void lockSequencer() {
    jdbc.prepareStatement("select pg_advisory_xact_lock(?)", statement -> {
      statement.setLong(1, SEQUENCER_LOCK);
      return statement.execute();
    });
  }

  long currentSize() {
    return jdbc.prepareStatement("select coalesce(max(tree_size), 0) from log_checkpoint", statement -> {
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  List<Pending> pending(int limit) {
    return jdbc.prepareStatement(
        "select entry_id, data_sha256 from log_entry where leaf_index is null order by entry_id limit ?"
            + " for update skip locked",
        statement -> {
          statement.setInt(1, limit);
          List<Pending> pending = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              pending.add(new Pending(rows.getLong(1), rows.getBytes(2)));
            }
          }
          return pending;
        });
  }

  /** One statement for the whole batch: the entries' ids and their new, consecutive leaf indexes. */
  void assignLeafIndexes(List<Pending> entries, long firstIndex) {
    Long[] ids = new Long[entries.size()];
    Long[] indexes = new Long[entries.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = entries.get(i).entryId();
      indexes[i] = firstIndex + i;
    }
    jdbc.prepareStatement(
        "update log_entry set leaf_index = v.leaf_index from unnest(?::bigint[], ?::bigint[]) as v(entry_id, leaf_index)"
            + " where log_entry.entry_id = v.entry_id",
        statement -> {
          statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
          statement.setArray(2, statement.getConnection().createArrayOf("bigint", indexes));
          return statement.executeUpdate();
        });
  }

  /** One statement for the whole batch of completed subtree nodes. */
  void saveNodes(List<SubtreeNode> nodes) {
    Integer[] levels = new Integer[nodes.size()];
    Long[] indexes = new Long[nodes.size()];
    byte[][] hashes = new byte[nodes.size()][];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = nodes.get(i).level();
      indexes[i] = nodes.get(i).index();
      hashes[i] = nodes.get(i).hash().bytes();
    }
    jdbc.prepareStatement(
        "insert into log_node (level, node_index, hash)"
            + " select * from unnest(?::smallint[], ?::bigint[], ?::bytea[])",
        statement -> {
          statement.setArray(1, statement.getConnection().createArrayOf("smallint", levels));
          statement.setArray(2, statement.getConnection().createArrayOf("bigint", indexes));
          statement.setArray(3, statement.getConnection().createArrayOf("bytea", hashes));
          return statement.executeUpdate();
        });
  }

  void saveCheckpoint(long size, Hash root, String signedNote) {
    jdbc.prepareStatement(
        "insert into log_checkpoint (tree_size, root_hash, signed_note) values (?, ?, ?)", statement -> {
          statement.setLong(1, size);
          statement.setBytes(2, root.bytes());
          statement.setString(3, signedNote);
          return statement.executeUpdate();
        });
  }

  @Override
  public Hash node(int level, long index) {
    return jdbc.prepareStatement("select hash from log_node where level = ? and node_index = ?", statement -> {
      statement.setInt(1, level);
      statement.setLong(2, index);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("log node " + level + "/" + index + " is missing");
        }
        return new Hash(row.getBytes(1));
      }
    });
  }

  Optional<Long> leafIndexOfLeafHash(Hash leafHash) {
    return optionalLong("select node_index from log_node where level = 0 and hash = ? order by node_index limit 1",
        statement -> statement.setBytes(1, leafHash.bytes()));
  }

  Optional<Long> leafIndexOfCredential(UUID credential) {
    return optionalLong(
        "select leaf_index from log_entry where credential_uuid = ? and kind = 'credential' and leaf_index is not null",
        statement -> statement.setObject(1, credential));
  }

  boolean hasEntryForData(byte[] dataSha256) {
    return jdbc.prepareStatement("select 1 from log_entry where data_sha256 = ? limit 1", statement -> {
      statement.setBytes(1, dataSha256);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    });
  }

  boolean hasEntryForCredential(UUID credential) {
    return jdbc.prepareStatement("select 1 from log_entry where credential_uuid = ? and kind = 'credential'", statement -> {
      statement.setObject(1, credential);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    });
  }

  Optional<StoredCheckpoint> latestCheckpoint() {
    return checkpoint("select tree_size, root_hash, signed_note from log_checkpoint order by tree_size desc limit 1",
        statement -> {});
  }

  Optional<StoredCheckpoint> checkpointAtOrAfter(long size) {
    return checkpoint(
        "select tree_size, root_hash, signed_note from log_checkpoint where tree_size >= ? order by tree_size limit 1",
        statement -> statement.setLong(1, size));
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private Optional<StoredCheckpoint> checkpoint(String sql, Binder binder) {
    return jdbc.prepareStatement(sql, statement -> {
      binder.bind(statement);
      try (ResultSet row = statement.executeQuery()) {
        return row.next()
            ? Optional.of(new StoredCheckpoint(row.getLong(1), new Hash(row.getBytes(2)), row.getString(3)))
            : Optional.<StoredCheckpoint>empty();
      }
    });
  }

  private Optional<Long> optionalLong(String sql, Binder binder) {
    return jdbc.prepareStatement(sql, statement -> {
      binder.bind(statement);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.<Long>empty();
      }
    });
  }
}
