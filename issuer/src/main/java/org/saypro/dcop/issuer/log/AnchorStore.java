package org.saypro.dcop.issuer.log;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.log.Hash;

/** SQL of the anchoring outbox. Callers hold the transaction. Times are the database's ({@code now()}). */
@Singleton
public class AnchorStore {

  private static final String COLUMNS =
      "tree_size, root_hash, status, tx_hash, block_number, block_time, attempts, failures,"
          + " next_attempt_at is null or next_attempt_at <= now() as due";

  private final JdbcOperations jdbc;

  AnchorStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An outbox row.
   *
   * @param attempts rounds spent on this row since it was last sent (failures and confirmation checks alike)
   * @param failures consecutive failed attempts, which set the backoff
   * @param due whether the backoff after the last failure is over
   */
  public record Row(long treeSize, Hash root, String status, String txHash, Long blockNumber, Instant blockTime,
                    int attempts, int failures, boolean due) {}

  Optional<Row> open() {
    List<Row> rows = query("select " + COLUMNS + " from log_anchor where status <> 'confirmed'"
        + " order by tree_size limit 1");
    return rows.stream().findFirst();
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
    return query("select " + COLUMNS + " from log_anchor"
        + " where status = 'confirmed' and tree_size > ? order by tree_size limit 1", leafIndex).stream().findFirst();
  }

  /** Confirmed anchors confirmed less than {@code window} ago, the newest {@code limit} of them, oldest first. */
  List<Row> recentlyConfirmed(Duration window, int limit) {
    List<Row> newestFirst = query("select " + COLUMNS + " from log_anchor where status = 'confirmed'"
        + " and confirmed_at > now() - make_interval(secs => ?) order by tree_size desc limit " + limit,
        window.toMillis() / 1000.0);
    List<Row> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  void insertPending(long treeSize, Hash root) {
    jdbc.prepareStatement("insert into log_anchor (tree_size, root_hash, status) values (?, ?, 'pending')", s -> {
      s.setLong(1, treeSize);
      s.setBytes(2, root.bytes());
      return s.executeUpdate();
    });
  }

  /** The transaction is on its way (sent by us, or found on the ledger with too few confirmations). */
  void markSent(long treeSize, String txHash) {
    jdbc.prepareStatement(
        "update log_anchor set status = 'sent', tx_hash = ?, block_number = null, block_time = null,"
            + " confirmed_at = null, attempts = 1, failures = 0, next_attempt_at = null, last_error = null,"
            + " updated_at = now() where tree_size = ?", s -> {
          s.setString(1, txHash);
          s.setLong(2, treeSize);
          return s.executeUpdate();
        });
  }

  /** Confirmed where {@code anchor} says; also used when a reorganisation moved a confirmed anchor to another block. */
  void markConfirmed(AnchorCheckpoints.Anchor anchor) {
    jdbc.prepareStatement(
        "update log_anchor set status = 'confirmed', tx_hash = ?, block_number = ?, block_time = ?, last_error = null,"
            + " failures = 0, next_attempt_at = null, confirmed_at = now(), updated_at = now() where tree_size = ?",
        s -> {
          s.setString(1, anchor.transactionHash());
          s.setLong(2, anchor.blockNumber());
          s.setTimestamp(3, Timestamp.from(anchor.blockTime()));
          s.setLong(4, anchor.treeSize());
          return s.executeUpdate();
        });
  }

  /** A confirmation check that found the transaction still waiting: no failure, no backoff. */
  void markWaiting(long treeSize, String note) {
    jdbc.prepareStatement(
        "update log_anchor set attempts = attempts + 1, failures = 0, next_attempt_at = null, last_error = ?,"
            + " updated_at = now() where tree_size = ?", s -> {
          s.setString(1, truncated(note));
          s.setLong(2, treeSize);
          return s.executeUpdate();
        });
  }

  /**
   * A failed attempt: no new attempt before {@code retryAfter} has passed. With {@code backToPending}, the transaction
   * is given up (reverted, dropped): the next attempt looks the size up on the ledger and sends anew if it is absent.
   */
  void markFailedAttempt(long treeSize, String error, Duration retryAfter, boolean backToPending) {
    jdbc.prepareStatement(
        "update log_anchor set attempts = attempts + 1, failures = failures + 1, last_error = ?,"
            + " next_attempt_at = now() + make_interval(secs => ?), updated_at = now()"
            + (backToPending ? ", status = 'pending', tx_hash = null, block_number = null, block_time = null" : "")
            + " where tree_size = ?", s -> {
          s.setString(1, truncated(error));
          s.setDouble(2, retryAfter.toMillis() / 1000.0);
          s.setLong(3, treeSize);
          return s.executeUpdate();
        });
  }

  /** A confirmed anchor the ledger no longer holds (reorganised away): anchor it again, at once. */
  void reopen(long treeSize, String why) {
    jdbc.prepareStatement(
        "update log_anchor set status = 'pending', tx_hash = null, block_number = null, block_time = null,"
            + " confirmed_at = null, attempts = 0, failures = 0, next_attempt_at = null, last_error = ?,"
            + " updated_at = now() where tree_size = ?", s -> {
          s.setString(1, truncated(why));
          s.setLong(2, treeSize);
          return s.executeUpdate();
        });
  }

  private static String truncated(String text) {
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  private List<Row> query(String sql, Object... parameters) {
    return jdbc.prepareStatement(sql, s -> {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        List<Row> rows = new ArrayList<>();
        while (r.next()) {
          rows.add(row(r));
        }
        return rows;
      }
    });
  }

  private static Row row(ResultSet r) throws SQLException {
    long block = r.getLong(5);
    Long blockNumber = r.wasNull() ? null : block;
    Timestamp time = r.getTimestamp(6);
    return new Row(r.getLong(1), new Hash(r.getBytes(2)), r.getString(3), r.getString(4), blockNumber,
        time == null ? null : time.toInstant(), r.getInt(7), r.getInt(8), r.getBoolean(9));
  }
}
