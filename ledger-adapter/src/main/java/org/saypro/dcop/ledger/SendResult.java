package org.saypro.dcop.ledger;

import java.util.Objects;

/**
 * What became of a transaction submission. Failures are values: a node that cannot be reached is {@link Unavailable},
 * never an exception.
 */
public sealed interface SendResult {

  /** The node accepted the signed transaction; it is not mined yet. Follow it with {@link PublishAnchor#receipt}. */
  record Sent(String txHash) implements SendResult {
    public Sent {
      Objects.requireNonNull(txHash, "txHash");
    }
  }

  /**
   * The transaction cannot succeed as it is: the contract would revert (the reason is the contract's revert reason,
   * e.g. {@code "CheckpointAnchor: tree size already anchored"}), it needs more gas than the cap, or the node refused
   * it. Retrying the same call will not help.
   */
  record Rejected(String reason) implements SendResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Nothing was sent, for a reason that may pass: the node cannot be reached or answers with errors, or the network's
   * gas price is above the configured cap. Retrying later may succeed.
   */
  record Unavailable(String reason) implements SendResult {
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
