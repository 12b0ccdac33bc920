package org.saypro.dcop.core.anchor;

/**
 * Port: reads anchors from any anchor contract on the chain this deployment is connected to, so that credentials of
 * other deployments can be checked against their own contract.
 */
public interface ReadContractAnchors {

  /** The chain this port reads. */
  long chainId();

  /** The anchor of exactly {@code treeSize} in {@code contract}, judged against the configured confirmations. */
  AnchorCheckpoints.Lookup find(LedgerContract contract, long treeSize);
}
