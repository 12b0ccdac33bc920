package org.saypro.dcop.verifier.anchor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.anchor.CheckAnchor;
import org.saypro.dcop.core.anchor.HostedLogEvidence;
import org.saypro.dcop.core.log.ConsistencyProofVerifier;
import org.saypro.dcop.core.log.InclusionProofVerifier;
import org.saypro.dcop.core.log.MerkleHash;
import org.saypro.dcop.core.log.ProofCheck;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.Checks;

/**
 * The {@code anchor} check, trusting neither the log nor the database: the inclusion proof must lead from the
 * credential's leaf to the root that the ledger itself holds for the anchored size, and the consistency proof from
 * that root to the newest checkpoint. Ledger anchors never change once confirmed, so they are cached.
 */
public final class LogAnchorCheck implements CheckAnchor {

  private final Optional<HostedLogEvidence> log;
  private final Optional<AnchorCheckpoints> ledger;
  private final Map<Long, AnchorCheckpoints.Anchor> confirmed = new ConcurrentHashMap<>();

  public LogAnchorCheck(Optional<HostedLogEvidence> log, Optional<AnchorCheckpoints> ledger) {
    this.log = log;
    this.ledger = ledger;
  }

  @Override
  public CheckResult check(byte[] securedFormSha256) {
    if (ledger.isEmpty()) {
      return new CheckResult.Skipped(
          Checks.ANCHOR, "ledger anchoring is off on this server (no DCOP_LEDGER_RPC_URL and no local chain)");
    }
    if (log.isEmpty()) {
      return new CheckResult.Skipped(Checks.ANCHOR, "this server holds no transparency log");
    }
    Optional<HostedLogEvidence.Evidence> evidence = log.get().find(securedFormSha256);
    if (evidence.isEmpty()) {
      return new CheckResult.Skipped(
          Checks.ANCHOR, "not in this server's transparency log (logs of other deployments are not consulted yet)");
    }
    if (evidence.get().leafIndex().isEmpty()) {
      return new CheckResult.Pending(Checks.ANCHOR, "issued and recorded; not yet integrated into the log");
    }
    long index = evidence.get().leafIndex().getAsLong();
    if (evidence.get().anchored().isEmpty()) {
      return new CheckResult.Pending(
          Checks.ANCHOR, "in the transparency log at index " + index + "; the next anchor will cover it");
    }
    HostedLogEvidence.Anchored anchored = evidence.get().anchored().get();
    Optional<AnchorCheckpoints.Anchor> onLedger = anchorOnLedger(anchored.anchoredSize());
    if (onLedger.isEmpty()) {
      return new CheckResult.Failed(
          Checks.ANCHOR, "the ledger holds no anchor for tree size " + anchored.anchoredSize() + " (" + ledger.get().ledger()
              + "), or could not be reached");
    }
    AnchorCheckpoints.Anchor anchor = onLedger.get();
    ProofCheck inclusion =
        InclusionProofVerifier.verify(
            index, anchored.anchoredSize(), MerkleHash.leaf(securedFormSha256), anchored.inclusionPath(), anchor.root());
    if (inclusion instanceof ProofCheck.Invalid invalid) {
      return new CheckResult.Failed(
          Checks.ANCHOR, "the inclusion proof does not lead to the anchored root: " + invalid.failure().describe());
    }
    ProofCheck consistency =
        anchored.anchoredSize() == anchored.newestSize()
            ? (anchor.root().equals(anchored.newestRoot())
                ? new ProofCheck.Valid()
                : new ProofCheck.Invalid(
                    new org.saypro.dcop.core.log.ProofFailure.RootMismatch("newest", anchor.root(), anchored.newestRoot())))
            : ConsistencyProofVerifier.verify(
                anchored.anchoredSize(), anchored.newestSize(), anchor.root(), anchored.newestRoot(),
                anchored.consistencyPath());
    if (consistency instanceof ProofCheck.Invalid invalid) {
      return new CheckResult.Failed(
          Checks.ANCHOR, "the log is not consistent with its anchored history: " + invalid.failure().describe());
    }
    return new CheckResult.Passed(
        Checks.ANCHOR,
        "entry " + index + " of the transparency log, anchored at tree size " + anchor.treeSize() + " in block "
            + anchor.blockNumber() + " at " + anchor.blockTime() + " (transaction " + anchor.transactionHash() + ", "
            + ledger.get().ledger() + "); the log has grown consistently to size " + anchored.newestSize());
  }

  private Optional<AnchorCheckpoints.Anchor> anchorOnLedger(long size) {
    AnchorCheckpoints.Anchor cached = confirmed.get(size);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<AnchorCheckpoints.Anchor> found = ledger.get().find(size);
    found.ifPresent(anchor -> {
      if (confirmed.size() < 10_000) {
        confirmed.put(size, anchor);
      }
    });
    return found;
  }
}
