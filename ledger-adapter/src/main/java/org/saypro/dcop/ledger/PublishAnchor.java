package org.saypro.dcop.ledger;

import java.time.Duration;
import java.util.Optional;

/** Port: put a checkpoint (tree size and root) on the ledger and follow the transaction. */
public interface PublishAnchor {

  /**
   * Submits {@code anchor(treeSize, root)} without waiting for it to be mined. The call is simulated first, so a
   * transaction the contract would revert is {@link SendResult.Rejected} with the contract's reason and costs nothing.
   *
   * @param treeSize the log's size, at least 1
   * @param root the 32-byte Merkle root of the log at that size
   * @throws IllegalArgumentException for a size below 1 or a root that is not 32 bytes
   */
  SendResult send(long treeSize, byte[] root);

  /**
   * The receipt of a transaction, or empty while it is not mined (or unknown to the node).
   *
   * @throws LedgerUnavailableException when the node cannot be asked
   */
  Optional<AnchorReceipt> receipt(String txHash);

  /**
   * Polls {@link #receipt} until the transaction is mined and has the configured number of confirmations, or until
   * {@code timeout} passes (then empty). A reverted transaction is returned as soon as it is mined.
   *
   * @throws LedgerUnavailableException when the node cannot be asked
   */
  Optional<AnchorReceipt> awaitReceipt(String txHash, Duration timeout);
}
