package org.saypro.dcop.core.anchor;

/**
 * Port: reads anchors from any anchor contract on the chain this deployment is connected to, so that credentials of
 * other deployments can be checked against their own contract.
 */
public interface ReadContractAnchors {

  /** The chain this port reads. */
  long chainId();

  /** The anchor of exactly {@code treeSize} in {@code contract}, once it has the configured confirmations. */
  Lookup find(LedgerContract contract, long treeSize);

  /** What the ledger said. */
  sealed interface Lookup {
    record Found(AnchorCheckpoints.Anchor anchor) implements Lookup {}

    /** The ledger answered: no such anchor (yet). */
    record Absent() implements Lookup {}

    /** The ledger could not be asked. */
    record Unreachable(String reason) implements Lookup {}
  }
}
