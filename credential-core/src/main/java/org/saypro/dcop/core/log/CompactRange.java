package org.saypro.dcop.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of an append-only tree: one complete-subtree root per set bit of the size, largest first. It is all a
 * log needs to append a leaf and know the new root; {@link #append} also names the subtree nodes each leaf completes,
 * which the log stores so that a {@link NodeSource} can serve proofs later.
 */
public record CompactRange(long size, List<Hash> peaks) {

  public CompactRange {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size is never negative: " + size);
    }
    peaks = List.copyOf(peaks);
    if (peaks.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException(
          "a tree of size " + size + " has " + Long.bitCount(size) + " peaks, not " + peaks.size());
    }
  }

  /** The result of one append: the grown range, and every node it completed, the leaf first and the highest last. */
  public record Appended(CompactRange range, List<SubtreeNode> completed) {
    public Appended {
      Objects.requireNonNull(range, "range");
      completed = List.copyOf(completed);
    }
  }

  public static CompactRange empty() {
    return new CompactRange(0, List.of());
  }

  /** Rebuilds the edge of a stored tree from its complete-subtree nodes, as after a restart. */
  public static CompactRange resume(long size, NodeSource nodes) {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size is never negative: " + size);
    }
    List<Hash> peaks = new ArrayList<>(Long.bitCount(size));
    long start = 0;
    for (int level = SubtreeNode.MAX_LEVEL; level >= 0; level--) {
      if ((size & (1L << level)) != 0) {
        peaks.add(nodes.node(level, start >>> level));
        start += 1L << level;
      }
    }
    return new CompactRange(size, peaks);
  }

  public Appended append(Hash leafHash) {
    Objects.requireNonNull(leafHash, "leafHash");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("the tree is full");
    }
    List<Hash> next = new ArrayList<>(peaks);
    List<SubtreeNode> completed = new ArrayList<>();
    Hash node = leafHash;
    int level = 0;
    long index = size;
    completed.add(new SubtreeNode(level, index, node));
    // Each set low bit of the old size is a peak of exactly the new node's height: merge until a clear bit.
    while ((size & (1L << level)) != 0) {
      node = MerkleHash.node(next.remove(next.size() - 1), node);
      level++;
      index >>>= 1;
      completed.add(new SubtreeNode(level, index, node));
    }
    next.add(node);
    return new Appended(new CompactRange(size + 1, next), completed);
  }

  /** MTH of the whole range: the peaks folded from the right, exactly as the RFC splits at powers of two. */
  public Hash root() {
    if (peaks.isEmpty()) {
      return MerkleHash.empty();
    }
    Hash root = peaks.get(peaks.size() - 1);
    for (int i = peaks.size() - 2; i >= 0; i--) {
      root = MerkleHash.node(peaks.get(i), root);
    }
    return root;
  }
}
