package org.saypro.dcop.core.log;

import java.util.List;
import java.util.Objects;

/** RFC 9162 section 2.1.3.2: does a leaf hash sit at an index of the tree with a given size and root? */
public final class InclusionProofVerifier {

  private InclusionProofVerifier() {}

  public static ProofCheck verify(long index, long size, Hash leafHash, List<Hash> proof, Hash root) {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(root, "root");
    List<Hash> path = proof == null ? List.of() : List.copyOf(proof);
    if (index < 0 || index >= size) {
      return invalid(new ProofFailure.IndexOutOfRange(index, size));
    }
    // The length follows from index and size alone; checking it first makes the RFC loop below exhaust sn exactly.
    int expected = proofLength(index, size);
    if (path.size() != expected) {
      return invalid(new ProofFailure.WrongProofLength(expected, path.size()));
    }
    long fn = index;
    long sn = size - 1;
    Hash r = leafHash;
    for (Hash p : path) {
      if (sn == 0) {
        return invalid(new ProofFailure.WrongProofLength(expected, path.size()));
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.node(p, r);
        // fn == sn with a clear low bit: the right edge has no sibling at these levels, so they are skipped.
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleHash.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      return invalid(new ProofFailure.WrongProofLength(expected, path.size()));
    }
    return r.equals(root) ? new ProofCheck.Valid() : invalid(new ProofFailure.RootMismatch("root", root, r));
  }

  /** The same check on hashes as received, for proofs read off the wire or from storage. */
  public static ProofCheck verify(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= size) {
      return invalid(new ProofFailure.IndexOutOfRange(index, size));
    }
    WireHashes wire = new WireHashes();
    Hash leaf = wire.one("leaf hash", leafHash);
    Hash expectedRoot = wire.one("root", root);
    List<Hash> path = wire.proof(proof);
    ProofCheck.Invalid malformed = wire.failure();
    return malformed != null ? malformed : verify(index, size, leaf, path, expectedRoot);
  }

  /** Hashes below the point where the paths to the leaf and to the last leaf part, plus one per left edge above. */
  static int proofLength(long index, long size) {
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    return inner + Long.bitCount(index >>> inner);
  }

  private static ProofCheck invalid(ProofFailure failure) {
    return new ProofCheck.Invalid(failure);
  }
}
