package org.saypro.dcop.ledger;

import java.time.Instant;

/**
 * One {@code Anchored(uint64 indexed treeSize, bytes32 root, uint256 timestamp)} event, with where it was logged.
 *
 * @param treeSize the anchored tree size
 * @param root the anchored 32-byte root (a copy)
 * @param timestamp the block time the contract recorded
 * @param txHash the anchoring transaction
 * @param blockNumber the block that holds it
 * @param blockHash that block's hash
 */
public record AnchoredEvent(
    long treeSize, byte[] root, Instant timestamp, String txHash, long blockNumber, String blockHash) {

  public AnchoredEvent {
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }
}
