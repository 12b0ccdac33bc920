package org.saypro.dcop.core.anchor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.log.Hash;

/**
 * Port: records a log checkpoint (tree size and root) on a ledger, and reports where it landed. "Confirmed" always
 * means: in a block buried under the configured number of confirmations (that block counted).
 */
public interface AnchorCheckpoints {

  /** Submits {@code treeSize -> root}; never throws for an unreachable ledger. */
  Submission submit(long treeSize, Hash root);

  /**
   * What became of the transaction that was sent to anchor {@code treeSize}: confirmed, still waiting (not mined, or
   * too few confirmations), failed (mined but reverted, or mined without anchoring this size), or unknown because the
   * ledger cannot be asked. Never throws for an unreachable ledger.
   */
  Tracking track(String transactionHash, long treeSize);

  /**
   * What the ledger holds for {@code treeSize}, searching the anchoring events from block {@code fromBlock} on (0:
   * from the genesis block): a confirmed anchor, one too recent to count yet, none, or unknown because the ledger
   * cannot be asked. Never throws for an unreachable ledger.
   */
  Lookup lookup(long treeSize, long fromBlock);

  /**
   * The confirmed anchor of this exact size if the ledger has one (e.g. sent before a crash, never recorded); empty
   * when it has none, when its block has fewer than the configured confirmations, or when the ledger cannot be asked.
   */
  default Optional<Anchor> find(long treeSize) {
    Lookup found = lookup(treeSize, 0);
    return found instanceof Lookup.Confirmed confirmed ? Optional.of(confirmed.anchor()) : Optional.empty();
  }

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

  /** What became of a sent transaction. */
  sealed interface Tracking {
    /** Mined, anchoring the size, with the configured confirmations. */
    record Confirmed(Anchor anchor) implements Tracking {}

    /** Not mined yet, or mined with too few confirmations: ask again later (this is no failure). */
    record Waiting(String reason) implements Tracking {}

    /**
     * Mined without anchoring the size: the transaction reverted, or succeeded with no {@code Anchored} event for
     * this size. Waiting longer will not help; look the size up and send anew if the ledger has none.
     */
    record Failed(String reason) implements Tracking {}

    /** The ledger cannot be asked now. */
    record Unavailable(String reason) implements Tracking {}
  }

  /** What the ledger holds for one tree size. */
  sealed interface Lookup {
    /** Anchored in a block with the configured confirmations. */
    record Confirmed(Anchor anchor) implements Lookup {}

    /** Anchored in a block with fewer than the configured confirmations: not an anchor yet. */
    record Unconfirmed(Anchor anchor, long confirmations) implements Lookup {}

    /** The ledger has no anchor of this size (from the block searched on). */
    record Absent() implements Lookup {}

    /** The ledger cannot be asked now: nothing is known. */
    record Unavailable(String reason) implements Lookup {}
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
