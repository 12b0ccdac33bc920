package org.saypro.dcop.verifier.anchor;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.anchor.CheckAnchor;
import org.saypro.dcop.core.anchor.HostedLogEvidence;
import org.saypro.dcop.core.anchor.LedgerContract;
import org.saypro.dcop.core.anchor.ReadContractAnchors;
import org.saypro.dcop.core.log.ConsistencyProofVerifier;
import org.saypro.dcop.core.log.InclusionProofVerifier;
import org.saypro.dcop.core.log.MerkleHash;
import org.saypro.dcop.core.log.ProofCheck;
import org.saypro.dcop.core.log.ProofFailure;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.LedgerTransaction;
import org.saypro.dcop.core.verify.Checks;

/**
 * The {@code anchor} check, trusting neither the log nor the database: the inclusion proof must lead from the
 * credential's leaf to the root that the ledger itself holds for the anchored size, and the consistency proof from
 * that root to the newest checkpoint. The evidence comes from this deployment's own log, or else from the issuer's
 * log announced in its DID document (a credential of another deployment), checked against that issuer's contract on
 * the chain this verifier reads. Confirmed ledger anchors never change, so they are cached.
 */
public final class LogAnchorCheck implements CheckAnchor {

  private static final int MAX_CACHED_ANCHORS = 10_000;

  private final Optional<HostedLogEvidence> ownLog;
  private final Optional<LedgerContract> ownContract;
  private final Optional<ReadContractAnchors> chain;
  private final IssuerLogEvidence issuerLogs;
  private final Map<String, AnchorCheckpoints.Anchor> confirmed = new ConcurrentHashMap<>();

  public LogAnchorCheck(
      Optional<HostedLogEvidence> ownLog,
      Optional<LedgerContract> ownContract,
      Optional<ReadContractAnchors> chain,
      IssuerLogEvidence issuerLogs) {
    this.ownLog = ownLog;
    this.ownContract = ownContract;
    this.chain = chain;
    this.issuerLogs = issuerLogs;
  }

  @Override
  public CheckResult check(byte[] securedFormSha256, Optional<String> confirmedIssuer) {
    if (chain.isEmpty()) {
      return new CheckResult.Skipped(
          Checks.ANCHOR, "ledger anchoring is off on this server (no DCOP_LEDGER_RPC_URL and no local chain)");
    }
    Optional<HostedLogEvidence.Evidence> own = ownLog.flatMap(log -> log.find(securedFormSha256));
    if (own.isPresent() && ownContract.isPresent()) {
      return judge(securedFormSha256, own.get(), ownContract.get(), "this server's transparency log");
    }
    if (confirmedIssuer.isEmpty()) {
      return new CheckResult.Skipped(
          Checks.ANCHOR, "not in this server's transparency log, and the issuer was not confirmed, so its log was not"
              + " consulted");
    }
    IssuerLogEvidence.Answer answer = issuerLogs.ask(confirmedIssuer.get(), securedFormSha256);
    if (answer instanceof IssuerLogEvidence.Answer.Unavailable unavailable) {
      return new CheckResult.Skipped(Checks.ANCHOR, "not in this server's transparency log; " + unavailable.reason());
    }
    if (answer instanceof IssuerLogEvidence.Answer.NotInLog notInLog) {
      return new CheckResult.Failed(
          Checks.ANCHOR, "the issuer's own transparency log (" + notInLog.log() + ") has no entry for this credential");
    }
    if (answer instanceof IssuerLogEvidence.Answer.Malformed malformed) {
      return new CheckResult.Failed(
          Checks.ANCHOR, "the issuer's transparency log (" + malformed.log() + ") answered with malformed evidence: "
              + malformed.reason());
    }
    IssuerLogEvidence.Answer.Found found = (IssuerLogEvidence.Answer.Found) answer;
    if (found.contract().chainId() != chain.get().chainId()) {
      return new CheckResult.Skipped(
          Checks.ANCHOR, "the issuer anchors on chain " + found.contract().chainId() + ", and this verifier reads chain "
              + chain.get().chainId());
    }
    return judge(securedFormSha256, found.evidence(), found.contract(), "the issuer's transparency log " + found.log());
  }

  private CheckResult judge(
      byte[] securedFormSha256, HostedLogEvidence.Evidence evidence, LedgerContract contract, String where) {
    if (evidence.leafIndex().isEmpty()) {
      return new CheckResult.Pending(Checks.ANCHOR, "issued and recorded in " + where + "; not yet integrated");
    }
    long index = evidence.leafIndex().getAsLong();
    if (evidence.anchored().isEmpty()) {
      return new CheckResult.Pending(
          Checks.ANCHOR, "entry " + index + " of " + where + "; the next anchor will cover it");
    }
    HostedLogEvidence.Anchored anchored = evidence.anchored().get();
    AnchorCheckpoints.Lookup lookup = anchorOnLedger(contract, anchored.anchoredSize());
    if (lookup instanceof AnchorCheckpoints.Lookup.Unavailable unreachable) {
      return new CheckResult.Skipped(
          Checks.ANCHOR, "the ledger could not be read to confirm the anchor: " + unreachable.reason());
    }
    if (lookup instanceof AnchorCheckpoints.Lookup.Unconfirmed unconfirmed) {
      return new CheckResult.Pending(
          Checks.ANCHOR, "entry " + index + " of " + where + " is anchored in block " + unconfirmed.anchor().blockNumber()
              + ", with " + unconfirmed.confirmations() + " confirmation(s) so far");
    }
    if (lookup instanceof AnchorCheckpoints.Lookup.Absent) {
      return new CheckResult.Failed(
          Checks.ANCHOR, "the ledger holds no anchor for tree size " + anchored.anchoredSize() + " in contract "
              + contract.caip10() + ", as " + where + " claims");
    }
    AnchorCheckpoints.Anchor anchor = ((AnchorCheckpoints.Lookup.Confirmed) lookup).anchor();
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
                : new ProofCheck.Invalid(new ProofFailure.RootMismatch("newest", anchor.root(), anchored.newestRoot())))
            : ConsistencyProofVerifier.verify(
                anchored.anchoredSize(), anchored.newestSize(), anchor.root(), anchored.newestRoot(),
                anchored.consistencyPath());
    if (consistency instanceof ProofCheck.Invalid invalid) {
      return new CheckResult.Failed(
          Checks.ANCHOR, "the log is not consistent with its anchored history: " + invalid.failure().describe());
    }
    return new CheckResult.Passed(
        Checks.ANCHOR,
        "entry " + index + " of " + where + ", anchored at tree size " + anchor.treeSize() + " in block "
            + anchor.blockNumber() + " at " + anchor.blockTime() + " (transaction " + anchor.transactionHash()
            + ", contract " + contract.caip10() + "); the log has grown consistently to size " + anchored.newestSize(),
        transaction(contract, anchor));
  }

  /** Hashes as the ledger client reports them; one in another shape is simply not linked. */
  private static Optional<LedgerTransaction> transaction(LedgerContract contract, AnchorCheckpoints.Anchor anchor) {
    try {
      return Optional.of(new LedgerTransaction(contract.chainId(), anchor.transactionHash().toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private AnchorCheckpoints.Lookup anchorOnLedger(LedgerContract contract, long size) {
    String key = contract.caip10() + "/" + size;
    AnchorCheckpoints.Anchor cached = confirmed.get(key);
    if (cached != null) {
      return new AnchorCheckpoints.Lookup.Confirmed(cached);
    }
    AnchorCheckpoints.Lookup lookup = chain.get().find(contract, size);
    if (lookup instanceof AnchorCheckpoints.Lookup.Confirmed found && confirmed.size() < MAX_CACHED_ANCHORS) {
      confirmed.put(key, found.anchor());
    }
    return lookup;
  }
}
