package org.saypro.dcop.core.anchor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.log.Hash;

/** Port: records a log checkpoint (tree size and root) on a ledger, and reports where it landed. */
public interface AnchorCheckpoints {

  /** Submits {@code treeSize -> root}; never throws for an unreachable ledger. */
  Submission submit(long treeSize, Hash root);

  /**
   * Where the transaction that anchors {@code treeSize} was mined, once it has the configured confirmations; empty
   * while it has not (or when it failed or was dropped).
   */
  Optional<Anchor> confirmed(String transactionHash, long treeSize);

  /** The anchor of this exact size if the ledger has one (e.g. sent before a crash, never recorded). */
  Optional<Anchor> find(long treeSize);

  /** Which ledger: chain id and contract, for people and for verifiers. */
  String ledger();

  /** What became of a submission. */
  sealed interface Submission {
    record Sent(String transactionHash) implements Submission {}

    /** The ledger refused it for good (e.g. this size is already anchored). */
    record Rejected(String reason) implements Submission {}

    /** Nothing was sent; try again later. */
    record Unavailable(String reason) implements Submission {}
  }

  /** A checkpoint recorded on the ledger. */
  record Anchor(long treeSize, Hash root, String transactionHash, long blockNumber, Instant blockTime) {
    public Anchor {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(transactionHash, "transactionHash");
      Objects.requireNonNull(blockTime, "blockTime");
    }
  }
}
