package org.saypro.dcop.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RFC 9162 section 2.1 over a log's leaves: the tree head MTH of the first n leaves, the inclusion proof PATH(m, D[n])
 * and the consistency proof PROOF(m, D[n]). The recursion is the RFC's, but every complete subtree it meets is read
 * from a {@link NodeSource} instead of being rehashed, so with stored nodes a proof costs O(log n) reads and hashes.
 */
public final class MerkleTree {

  private final NodeSource nodes;

  private MerkleTree(NodeSource nodes) {
    this.nodes = Objects.requireNonNull(nodes, "nodes");
  }

  /** Over stored complete-subtree hashes, the efficient form for a log of any size. */
  public static MerkleTree overNodes(NodeSource nodes) {
    return new MerkleTree(nodes);
  }

  /** Over leaf hashes only: each call rehashes the leaves it needs, O(n) for a root or a proof. */
  public static MerkleTree overLeaves(LeafSource leaves) {
    return new MerkleTree(NodeSource.fromLeaves(leaves));
  }

  /** Hashes every complete subtree of these leaves once (about n hashes), after which every call is O(log n). */
  public static MerkleTree of(List<Hash> leafHashes) {
    return new MerkleTree(InMemoryNodes.build(leafHashes));
  }

  /** MTH(D[0:size]); the empty tree's root is SHA-256 of nothing. */
  public Hash root(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size is never negative: " + size);
    }
    return size == 0 ? MerkleHash.empty() : rangeRoot(0, size);
  }

  /** PATH(index, D[0:size]): sibling hashes from the leaf up to the root. */
  public List<Hash> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
    }
    List<Hash> path = new ArrayList<>(64);
    path(index, 0, size, path);
    return List.copyOf(path);
  }

  /**
   * PROOF(size1, D[0:size2]). Equal sizes need no proof, so the list is empty; RFC 9162 defines no proof from the
   * empty tree, since every tree is trivially an extension of it.
   */
  public List<Hash> consistencyProof(long size1, long size2) {
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException("a consistency proof needs 0 < size1 <= size2, not " + size1 + ", " + size2);
    }
    List<Hash> proof = new ArrayList<>(64);
    subproof(size1, 0, size2, true, proof);
    return List.copyOf(proof);
  }

  // PATH(m, D[start:end]) with m absolute. The RFC appends the sibling after recursing, so the leaf's sibling is first.
  private void path(long m, long start, long end, List<Hash> out) {
    if (end - start == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(end - start);
    if (m - start < k) {
      path(m, start, start + k, out);
      out.add(rangeRoot(start + k, end));
    } else {
      path(m, start + k, end, out);
      out.add(rangeRoot(start, start + k));
    }
  }

  // SUBPROOF(m, D[start:end], whole) with m absolute; whole says D[start:m] is the old tree itself, whose root the
  // verifier already has, rather than a subtree of it whose root must be sent.
  private void subproof(long m, long start, long end, boolean whole, List<Hash> out) {
    if (m == end) {
      if (!whole) {
        out.add(rangeRoot(start, end));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(end - start);
    if (m - start <= k) {
      subproof(m, start, start + k, whole, out);
      out.add(rangeRoot(start + k, end));
    } else {
      subproof(m, start + k, end, false, out);
      out.add(rangeRoot(start, start + k));
    }
  }

  // MTH(D[start:end]) for end > start: one stored node when the range is a complete subtree, else the RFC split.
  private Hash rangeRoot(long start, long end) {
    long width = end - start;
    if (Long.bitCount(width) == 1 && (start & (width - 1)) == 0) {
      int level = Long.numberOfTrailingZeros(width);
      return nodes.node(level, start >>> level);
    }
    long k = largestPowerOfTwoBelow(width);
    return MerkleHash.node(rangeRoot(start, start + k), rangeRoot(start + k, end));
  }

  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
