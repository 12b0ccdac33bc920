package org.saypro.dcop.core.anchor;

import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.log.Hash;

/**
 * Port: what this deployment's own transparency log knows about a leaf: where it is, and the proofs that tie it to
 * the newest anchored checkpoint and on to the newest checkpoint. The verifier checks every proof itself.
 */
@FunctionalInterface
public interface HostedLogEvidence {

  /** What the log knows of the entry committing to this SHA-256 of a secured form; empty when it has none. */
  Optional<Evidence> find(byte[] securedFormSha256);

  /**
   * A leaf of the log: its index once the sequencer has integrated it (empty just after issuing), and the covering
   * anchor once one is confirmed.
   */
  record Evidence(java.util.OptionalLong leafIndex, Optional<Anchored> anchored) {}

  /**
   * The covering anchor as recorded by the log (the verifier compares it with the ledger), the inclusion proof at
   * the anchored size, and the consistency proof from there to the newest checkpoint.
   */
  record Anchored(
      long anchoredSize,
      Hash anchoredRoot,
      String transactionHash,
      long blockNumber,
      String blockTime,
      List<Hash> inclusionPath,
      long newestSize,
      Hash newestRoot,
      List<Hash> consistencyPath) {}
}
