package org.saypro.dcop.ledger;

import java.util.Optional;

/**
 * The receipt of a mined transaction.
 *
 * @param txHash the transaction hash
 * @param blockNumber the block that includes it
 * @param blockHash that block's hash (a different hash for the same number later means a reorganisation)
 * @param succeeded false when the transaction was mined but reverted (status 0)
 * @param gasUsed gas the transaction consumed
 * @param contractAddress the created contract for a deployment, otherwise null
 * @param confirmations blocks from the including block to the head, both counted: 1 when it is in the newest block
 */
public record AnchorReceipt(
    String txHash,
    long blockNumber,
    String blockHash,
    boolean succeeded,
    long gasUsed,
    String contractAddress,
    long confirmations) {

  /** The created contract's address, for a deployment. */
  public Optional<String> createdContract() {
    return Optional.ofNullable(contractAddress);
  }

  /** Whether the transaction succeeded and is buried under at least {@code required} blocks (itself included). */
  public boolean confirmedBy(int required) {
    return succeeded && confirmations >= required;
  }
}
