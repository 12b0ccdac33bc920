package org.saypro.dcop.issuer.log;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Optional;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.log.Hash;

/** SQL of the anchoring outbox. Callers hold the transaction. */
@Singleton
public class AnchorStore {

  private final JdbcOperations jdbc;

  AnchorStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** An outbox row. */
  public record Row(long treeSize, Hash root, String status, String txHash, Long blockNumber, java.time.Instant blockTime,
                    int attempts) {}

  Optional<Row> open() {
    return one("select tree_size, root_hash, status, tx_hash, block_number, block_time, attempts from log_anchor"
        + " where status <> 'confirmed' order by tree_size limit 1", -1);
  }

  long latestAnchoredOrOpenSize() {
    return jdbc.prepareStatement("select coalesce(max(tree_size), 0) from log_anchor", statement -> {
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  /** The first confirmed anchor whose tree contains the leaf. */
  Optional<Row> confirmedCovering(long leafIndex) {
    return one("select tree_size, root_hash, status, tx_hash, block_number, block_time, attempts from log_anchor"
        + " where status = 'confirmed' and tree_size > ? order by tree_size limit 1", leafIndex);
  }

  void insertPending(long treeSize, Hash root) {
    jdbc.prepareStatement("insert into log_anchor (tree_size, root_hash, status) values (?, ?, 'pending')", s -> {
      s.setLong(1, treeSize);
      s.setBytes(2, root.bytes());
      return s.executeUpdate();
    });
  }

  void markSent(long treeSize, String txHash) {
    jdbc.prepareStatement(
        "update log_anchor set status = 'sent', tx_hash = ?, attempts = 1, last_error = null,"
            + " updated_at = now() where tree_size = ?", s -> {
          s.setString(1, txHash);
          s.setLong(2, treeSize);
          return s.executeUpdate();
        });
  }

  void markConfirmed(AnchorCheckpoints.Anchor anchor) {
    jdbc.prepareStatement(
        "update log_anchor set status = 'confirmed', tx_hash = ?, block_number = ?, block_time = ?, last_error = null,"
            + " updated_at = now() where tree_size = ?", s -> {
          s.setString(1, anchor.transactionHash());
          s.setLong(2, anchor.blockNumber());
          s.setTimestamp(3, Timestamp.from(anchor.blockTime()));
          s.setLong(4, anchor.treeSize());
          return s.executeUpdate();
        });
  }

  void markFailedAttempt(long treeSize, String error, boolean backToPending) {
    jdbc.prepareStatement(
        "update log_anchor set attempts = attempts + 1, last_error = ?, updated_at = now()"
            + (backToPending ? ", status = 'pending', tx_hash = null" : "") + " where tree_size = ?", s -> {
          s.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
          s.setLong(2, treeSize);
          return s.executeUpdate();
        });
  }

  private Optional<Row> one(String sql, long parameter) {
    return jdbc.prepareStatement(sql, s -> {
      if (parameter >= 0) {
        s.setLong(1, parameter);
      }
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.<Row>empty();
        }
        Timestamp time = r.getTimestamp(6);
        long block = r.getLong(5);
        return Optional.of(new Row(r.getLong(1), new Hash(r.getBytes(2)), r.getString(3), r.getString(4),
            r.wasNull() ? null : block, time == null ? null : time.toInstant(), r.getInt(7)));
      }
    });
  }
}
