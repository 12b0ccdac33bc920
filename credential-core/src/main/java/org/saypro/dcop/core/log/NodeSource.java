package org.saypro.dcop.core.log;

/**
 * The hashes of complete (perfect) subtrees: {@code node(level, index)} is MTH of the 2^level leaves starting at
 * {@code index << level}; level 0 are the leaf hashes. Such nodes never change once their last leaf is appended, so a
 * log can store them as {@link CompactRange#append} completes them and answer any proof with O(log n) reads.
 * {@link MerkleTree} only asks for nodes whose leaves all lie inside the tree size it was given.
 */
@FunctionalInterface
public interface NodeSource {

  Hash node(int level, long index);

  /**
   * Computes every node from the leaves, with no memory: fine for one root over a log held elsewhere, but each
   * node costs 2^level leaf reads. Use {@link MerkleTree#of(java.util.List)} or stored nodes for repeated proofs.
   */
  static NodeSource fromLeaves(LeafSource leaves) {
    return new NodeSource() {
      @Override
      public Hash node(int level, long index) {
        SubtreeNode.requireAddressable(level, index);
        if (level == 0) {
          return leaves.leafHash(index);
        }
        return MerkleHash.node(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
      }
    };
  }
}
