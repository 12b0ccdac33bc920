package org.saypro.dcop.core.log;

import java.util.Objects;

/**
 * A complete subtree's root: the 2^level leaves from {@code index << level}. Level 0 is a leaf. These are the values a
 * log stores so that it never has to rehash old leaves.
 */
public record SubtreeNode(int level, long index, Hash hash) {

  /** The deepest tree a long size can describe holds at most 2^63 - 1 leaves, so complete subtrees stop at 2^62. */
  public static final int MAX_LEVEL = 62;

  public SubtreeNode {
    requireAddressable(level, index);
    Objects.requireNonNull(hash, "hash");
  }

  public long firstLeaf() {
    return index << level;
  }

  public long leafCount() {
    return 1L << level;
  }

  static void requireAddressable(int level, long index) {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("a subtree level is between 0 and " + MAX_LEVEL + ", not " + level);
    }
    // The subtree ends at (index + 1) << level, which must still be a tree size a long can hold.
    if (index < 0 || index > (Long.MAX_VALUE >>> level) - 1) {
      throw new IllegalArgumentException("no subtree " + index + " at level " + level + " in a tree of long size");
    }
  }
}
