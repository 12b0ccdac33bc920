package org.saypro.dcop.ledger;

import java.time.Instant;
import java.util.Optional;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.log.Hash;

/**
 * The anchoring port over an {@link AnchorLedger}: counts confirmations, tells a reverted or event-less transaction
 * from one still waiting, finds anchors sent before a crash, and never reports an event in a block with fewer than the
 * configured confirmations as an anchor.
 */
public final class LedgerAnchorCheckpoints implements AnchorCheckpoints {

  private final AnchorLedger ledger;
  private final int confirmations;
  private final String description;

  public LedgerAnchorCheckpoints(AnchorLedger ledger, int confirmations, String description) {
    if (confirmations < 1) {
      throw new IllegalArgumentException("confirmations must be at least 1: " + confirmations);
    }
    this.ledger = ledger;
    this.confirmations = confirmations;
    this.description = description;
  }

  @Override
  public Submission submit(long treeSize, Hash root) {
    SendResult result = ledger.send(treeSize, root.bytes());
    if (result instanceof SendResult.Sent sent) {
      return new Submission.Sent(sent.txHash());
    }
    if (result instanceof SendResult.Rejected rejected) {
      return new Submission.Rejected(rejected.reason());
    }
    return new Submission.Unavailable(((SendResult.Unavailable) result).reason());
  }

  @Override
  public Tracking track(String transactionHash, long treeSize) {
    try {
      Optional<AnchorReceipt> mined = ledger.receipt(transactionHash);
      if (mined.isEmpty()) {
        return new Tracking.Waiting("transaction " + transactionHash + " is not mined yet");
      }
      AnchorReceipt receipt = mined.get();
      if (!receipt.succeeded()) {
        return new Tracking.Failed(
            "transaction " + transactionHash + " reverted in block " + receipt.blockNumber());
      }
      Optional<AnchoredEvent> event = ledger.findAnchored(treeSize, receipt.blockNumber());
      if (event.isEmpty() || !event.get().txHash().equalsIgnoreCase(transactionHash)) {
        return new Tracking.Failed(
            "transaction " + transactionHash + " was mined in block " + receipt.blockNumber()
                + " without an Anchored event for tree size " + treeSize);
      }
      if (!receipt.confirmedBy(confirmations)) {
        return new Tracking.Waiting(
            "transaction " + transactionHash + " mined in block " + receipt.blockNumber() + ", "
                + receipt.confirmations() + " of " + confirmations + " confirmations");
      }
      return new Tracking.Confirmed(anchor(event.get()));
    } catch (LedgerUnavailableException e) {
      return new Tracking.Unavailable(e.getMessage());
    }
  }

  @Override
  public Lookup lookup(long treeSize, long fromBlock) {
    try {
      Optional<AnchoredEvent> event = ledger.findAnchored(treeSize, Math.max(0, fromBlock));
      if (event.isEmpty()) {
        return new Lookup.Absent();
      }
      long buried = Math.max(0, ledger.blockNumber() - event.get().blockNumber() + 1);
      Anchor anchor = anchor(event.get());
      return buried >= confirmations ? new Lookup.Confirmed(anchor) : new Lookup.Unconfirmed(anchor, buried);
    } catch (LedgerUnavailableException e) {
      return new Lookup.Unavailable(e.getMessage());
    }
  }

  /** The number of confirmations an anchor needs. */
  public int confirmations() {
    return confirmations;
  }

  private static Anchor anchor(AnchoredEvent event) {
    return new Anchor(event.treeSize(), new Hash(event.root()), event.txHash(), event.blockNumber(),
        event.timestamp() == null ? Instant.EPOCH : event.timestamp());
  }

  @Override
  public String ledger() {
    return description;
  }
}
