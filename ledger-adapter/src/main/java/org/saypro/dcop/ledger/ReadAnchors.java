package org.saypro.dcop.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: read anchored checkpoints back from the ledger. Every method throws {@link LedgerUnavailableException} when
 * the node cannot be asked, so that an empty answer always means "not anchored".
 */
public interface ReadAnchors {

  /** The root anchored for {@code treeSize} (read with {@code eth_call} at the latest block), or empty. */
  Optional<byte[]> rootAt(long treeSize);

  /** The largest anchored tree size, 0 before the first anchor. */
  long latestSize();

  /**
   * The {@code Anchored} event for {@code treeSize}, found with {@code eth_getLogs} filtered on the event topic and the
   * indexed size: it tells which transaction anchored a size, e.g. to recover one that was sent but not recorded
   * before a crash. Searches from the genesis block; see {@link #findAnchored(long, long)} for nodes that limit the
   * range of a log query.
   */
  default Optional<AnchoredEvent> findAnchored(long treeSize) {
    return findAnchored(treeSize, 0);
  }

  /** Like {@link #findAnchored(long)}, searching blocks {@code fromBlock} to the latest only. */
  Optional<AnchoredEvent> findAnchored(long treeSize, long fromBlock);

  /** The newest block number. */
  long blockNumber();

  /** The timestamp of block {@code blockNumber}. */
  Instant blockTime(long blockNumber);
}
