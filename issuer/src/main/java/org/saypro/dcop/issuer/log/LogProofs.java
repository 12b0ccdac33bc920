package org.saypro.dcop.issuer.log;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.saypro.dcop.core.anchor.HostedLogEvidence;
import java.util.UUID;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.core.log.MerkleHash;
import org.saypro.dcop.core.log.MerkleTree;

/**
 * Proofs from the stored tree: every root and path is assembled from stored complete-subtree hashes, O(log n) reads
 * per proof, whatever the size of the log.
 */
@Singleton
public class LogProofs implements HostedLogEvidence {

  private final LogStore store;
  private final AnchorStore anchors;

  LogProofs(LogStore store, AnchorStore anchors) {
    this.store = store;
    this.anchors = anchors;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Evidence> find(byte[] securedFormSha256) {
    Optional<Long> index = store.leafIndexOfLeafHash(MerkleHash.leaf(securedFormSha256));
    if (index.isEmpty()) {
      return store.hasEntryForData(securedFormSha256)
          ? Optional.of(new Evidence(OptionalLong.empty(), Optional.empty()))
          : Optional.empty();
    }
    Optional<AnchorStore.Row> anchor = anchors.confirmedCovering(index.get());
    if (anchor.isEmpty()) {
      return Optional.of(new Evidence(OptionalLong.of(index.get()), Optional.empty()));
    }
    AnchorStore.Row row = anchor.get();
    LogStore.StoredCheckpoint newest = store.latestCheckpoint().orElseThrow();
    MerkleTree tree = MerkleTree.overNodes(store);
    List<Hash> consistency =
        row.treeSize() == newest.size() ? List.of() : tree.consistencyProof(row.treeSize(), newest.size());
    return Optional.of(
        new Evidence(
            OptionalLong.of(index.get()),
            Optional.of(
                new Anchored(
                    row.treeSize(), row.root(), row.txHash(), row.blockNumber(), String.valueOf(row.blockTime()),
                    tree.inclusionProof(index.get(), row.treeSize()), newest.size(), newest.root(), consistency))));
  }

  /** The first confirmed ledger anchor whose tree contains this leaf. */
  @Transactional(readOnly = true)
  public Optional<AnchorStore.Row> anchorCovering(long leafIndex) {
    return anchors.confirmedCovering(leafIndex);
  }

  /** An inclusion proof for a leaf in a tree of the given size. */
  public record Inclusion(long leafIndex, long treeSize, List<Hash> path) {}

  /** Where a credential stands in the log: integrated (with a proof and checkpoint) or still pending. */
  public sealed interface CredentialEntry {
    record Integrated(Inclusion inclusion, String signedCheckpoint) implements CredentialEntry {}

    record Pending() implements CredentialEntry {}
  }

  @Transactional(readOnly = true)
  public Optional<LogStore.StoredCheckpoint> latestCheckpoint() {
    return store.latestCheckpoint();
  }

  /** Empty when no leaf has this hash, or it is not inside the tree of that size. */
  @Transactional(readOnly = true)
  public Optional<Inclusion> inclusion(Hash leafHash, long size) {
    return store
        .leafIndexOfLeafHash(leafHash)
        .filter(index -> index < size)
        .map(index -> new Inclusion(index, size, MerkleTree.overNodes(store).inclusionProof(index, size)));
  }

  @Transactional(readOnly = true)
  public List<Hash> consistency(long from, long to) {
    return MerkleTree.overNodes(store).consistencyProof(from, to);
  }

  @Transactional(readOnly = true)
  public long size() {
    return store.currentSize();
  }

  /** Empty when the credential has no log entry at all. */
  @Transactional(readOnly = true)
  public Optional<CredentialEntry> forCredential(UUID credential) {
    Optional<Long> index = store.leafIndexOfCredential(credential);
    if (index.isEmpty()) {
      return store.hasEntryForCredential(credential) ? Optional.of(new CredentialEntry.Pending()) : Optional.empty();
    }
    LogStore.StoredCheckpoint checkpoint = store.latestCheckpoint().orElseThrow();
    return Optional.of(
        new CredentialEntry.Integrated(
            new Inclusion(
                index.get(), checkpoint.size(), MerkleTree.overNodes(store).inclusionProof(index.get(), checkpoint.size())),
            checkpoint.signedNote()));
  }
}
