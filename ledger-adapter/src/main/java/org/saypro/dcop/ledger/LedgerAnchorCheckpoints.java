package org.saypro.dcop.ledger;

import java.time.Instant;
import java.util.Optional;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.log.Hash;

/** The anchoring port over an {@link AnchorLedger}: waits for confirmations, finds anchors sent before a crash. */
public final class LedgerAnchorCheckpoints implements AnchorCheckpoints {

  private final AnchorLedger ledger;
  private final int confirmations;
  private final String description;

  public LedgerAnchorCheckpoints(AnchorLedger ledger, int confirmations, String description) {
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
  public Optional<Anchor> confirmed(String transactionHash, long treeSize) {
    try {
      return ledger
          .receipt(transactionHash)
          .filter(AnchorReceipt::succeeded)
          .filter(receipt -> receipt.confirmedBy(confirmations))
          .flatMap(receipt -> ledger.findAnchored(treeSize, receipt.blockNumber()))
          .filter(event -> event.txHash().equalsIgnoreCase(transactionHash))
          .map(LedgerAnchorCheckpoints::anchor);
    } catch (LedgerUnavailableException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Anchor> find(long treeSize) {
    try {
      return ledger.findAnchored(treeSize).map(LedgerAnchorCheckpoints::anchor);
    } catch (LedgerUnavailableException e) {
      return Optional.empty();
    }
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
