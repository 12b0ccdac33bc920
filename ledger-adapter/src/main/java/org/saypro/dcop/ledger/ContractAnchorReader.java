package org.saypro.dcop.ledger;

import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.anchor.LedgerContract;
import org.saypro.dcop.core.anchor.ReadContractAnchors;

/**
 * Reads the {@code Anchored} event of any CheckpointAnchor contract on this ledger's chain, counting it only once it
 * is buried under the configured number of confirmations, exactly as anchoring itself does.
 */
public final class ContractAnchorReader implements ReadContractAnchors {

  private final AnchorLedger ledger;
  private final long chainId;
  private final int confirmations;

  public ContractAnchorReader(AnchorLedger ledger, long chainId, int confirmations) {
    this.ledger = ledger;
    this.chainId = chainId;
    this.confirmations = confirmations;
  }

  @Override
  public long chainId() {
    return chainId;
  }

  @Override
  public AnchorCheckpoints.Lookup find(LedgerContract contract, long treeSize) {
    if (contract.chainId() != chainId) {
      return new AnchorCheckpoints.Lookup.Unavailable("contract " + contract.caip10() + " is not on chain " + chainId);
    }
    return new LedgerAnchorCheckpoints(ledger.withContract(contract.address()), confirmations, contract.caip10())
        .lookup(treeSize, 0);
  }
}
