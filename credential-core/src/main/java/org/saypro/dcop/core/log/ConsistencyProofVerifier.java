package org.saypro.dcop.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** RFC 9162 section 2.1.4.2: is the tree of size2 and root2 an append-only extension of the one of size1 and root1? */
public final class ConsistencyProofVerifier {

  private ConsistencyProofVerifier() {}

  public static ProofCheck verify(long size1, long size2, Hash root1, Hash root2, List<Hash> proof) {
    Objects.requireNonNull(root1, "root1");
    Objects.requireNonNull(root2, "root2");
    List<Hash> path = proof == null ? List.of() : List.copyOf(proof);
    if (size1 <= 0 || size1 > size2) {
      return invalid(new ProofFailure.SizesOutOfOrder(size1, size2));
    }
    if (size1 == size2) {
      // The RFC algorithm starts from a non-empty path; the same tree twice needs none, only equal roots.
      if (!path.isEmpty()) {
        return invalid(new ProofFailure.WrongProofLength(0, path.size()));
      }
      return root1.equals(root2)
          ? new ProofCheck.Valid()
          : invalid(new ProofFailure.RootMismatch("new root", root2, root1));
    }
    int expected = proofLength(size1, size2);
    if (path.size() != expected) {
      return invalid(new ProofFailure.WrongProofLength(expected, path.size()));
    }
    List<Hash> chain = path;
    if (Long.bitCount(size1) == 1) {
      // An old tree that is a complete subtree is its own starting node, so the proof leaves it out.
      chain = new ArrayList<>(path.size() + 1);
      chain.add(root1);
      chain.addAll(path);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    Hash fr = chain.get(0);
    Hash sr = chain.get(0);
    for (Hash c : chain.subList(1, chain.size())) {
      if (sn == 0) {
        return invalid(new ProofFailure.WrongProofLength(expected, path.size()));
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.node(c, fr);
        sr = MerkleHash.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = MerkleHash.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      return invalid(new ProofFailure.WrongProofLength(expected, path.size()));
    }
    if (!fr.equals(root1)) {
      return invalid(new ProofFailure.RootMismatch("old root", root1, fr));
    }
    return sr.equals(root2) ? new ProofCheck.Valid() : invalid(new ProofFailure.RootMismatch("new root", root2, sr));
  }

  /** The same check on hashes as received, for proofs read off the wire or from storage. */
  public static ProofCheck verify(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    if (size1 <= 0 || size1 > size2) {
      return invalid(new ProofFailure.SizesOutOfOrder(size1, size2));
    }
    WireHashes wire = new WireHashes();
    Hash oldRoot = wire.one("old root", root1);
    Hash newRoot = wire.one("new root", root2);
    List<Hash> path = wire.proof(proof);
    ProofCheck.Invalid malformed = wire.failure();
    return malformed != null ? malformed : verify(size1, size2, oldRoot, newRoot, path);
  }

  /**
   * For size1 < size2: the inclusion-style path of the old tree's last leaf above its rightmost complete subtree,
   * plus that subtree's root unless the old tree is complete and the verifier already holds it as root1.
   */
  static int proofLength(long size1, long size2) {
    long last = size1 - 1;
    int fork = 64 - Long.numberOfLeadingZeros(last ^ (size2 - 1));
    int border = Long.bitCount(last >>> fork);
    int shift = Long.numberOfTrailingZeros(size1);
    int seed = Long.bitCount(size1) == 1 ? 0 : 1;
    return seed + (fork - shift) + border;
  }

  private static ProofCheck invalid(ProofFailure failure) {
    return new ProofCheck.Invalid(failure);
  }
}
