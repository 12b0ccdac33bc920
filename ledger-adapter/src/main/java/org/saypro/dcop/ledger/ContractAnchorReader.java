package org.saypro.dcop.ledger;

import java.time.Instant;
import java.util.Optional;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.anchor.LedgerContract;
import org.saypro.dcop.core.anchor.ReadContractAnchors;
import org.saypro.dcop.core.log.Hash;

/**
 * Reads the {@code Anchored} event of any CheckpointAnchor contract on this ledger's chain, and counts it only once
 * it is buried under the configured number of confirmations, as anchoring itself does.
 */
public final class ContractAnchorReader implements ReadContractAnchors {

  private final AnchorLedger ledger;
  private final long chainId;
  private final int confirmations;

  public ContractAnchorReader(AnchorLedger ledger, long chainId, int confirmations) {
    if (confirmations < 1) {
      throw new IllegalArgumentException("at least one confirmation (the block that holds the event)");
    }
    this.ledger = ledger;
    this.chainId = chainId;
    this.confirmations = confirmations;
  }

  @Override
  public long chainId() {
    return chainId;
  }

  @Override
  public Lookup find(LedgerContract contract, long treeSize) {
    if (contract.chainId() != chainId) {
      return new Lookup.Unreachable("contract " + contract.caip10() + " is not on chain " + chainId);
    }
    try {
      Optional<AnchoredEvent> event = ledger.withContract(contract.address()).findAnchored(treeSize);
      if (event.isEmpty() || ledger.blockNumber() - event.get().blockNumber() + 1 < confirmations) {
        return new Lookup.Absent();
      }
      AnchoredEvent e = event.get();
      return new Lookup.Found(
          new AnchorCheckpoints.Anchor(e.treeSize(), new Hash(e.root()), e.txHash(), e.blockNumber(),
              e.timestamp() == null ? Instant.EPOCH : e.timestamp()));
    } catch (LedgerUnavailableException e) {
      return new Lookup.Unreachable(e.getMessage());
    }
  }
}
