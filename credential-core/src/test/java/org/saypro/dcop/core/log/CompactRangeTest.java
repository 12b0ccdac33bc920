package org.saypro.dcop.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Appending leaf by leaf gives the RFC roots, and the nodes it completes are enough to serve every proof. */
class CompactRangeTest {

  private static final int COUNT = 300;
  private static final List<Hash> LEAVES =
      IntStream.range(0, COUNT).mapToObj(i -> MerkleHash.leaf(("x" + i).getBytes(StandardCharsets.UTF_8))).toList();

  @Test
  void appendingGivesTheRootsAndTheNodesOfTheWholeTree() {
    NodeSource reference = InMemoryNodes.build(LEAVES);
    MerkleTree tree = MerkleTree.of(LEAVES);
    Map<String, Hash> stored = new HashMap<>();
    NodeSource fromStore = (level, index) -> stored.get(level + "/" + index);
    CompactRange range = CompactRange.empty();
    for (int size = 0; size < COUNT; size++) {
      assertEquals(tree.root(size), range.root(), "root at " + size);
      assertEquals(range, CompactRange.resume(size, fromStore), "resumed at " + size);
      CompactRange.Appended step = range.append(LEAVES.get(size));
      assertEquals(Long.numberOfTrailingZeros(~(long) size) + 1, step.completed().size());
      for (SubtreeNode node : step.completed()) {
        assertEquals(reference.node(node.level(), node.index()), node.hash(), node.level() + "/" + node.index());
        assertEquals(size, node.firstLeaf() + node.leafCount() - 1, "completed by this leaf");
        stored.put(node.level() + "/" + node.index(), node.hash());
      }
      range = step.range();
    }
    assertEquals(tree.root(COUNT), range.root());
    assertEquals(2 * COUNT - Long.bitCount(COUNT), stored.size(), "every complete subtree, once");

    MerkleTree served = MerkleTree.overNodes(fromStore);
    for (int size = 1; size <= COUNT; size += 7) {
      for (int index = 0; index < size; index += 5) {
        assertEquals(tree.inclusionProof(index, size), served.inclusionProof(index, size));
        assertEquals(tree.consistencyProof(index + 1, size), served.consistencyProof(index + 1, size));
      }
    }
  }

  @Test
  void rejectsInconsistentState() {
    Hash h = LEAVES.get(0);
    assertThrows(IllegalArgumentException.class, () -> new CompactRange(3, List.of(h)));
    assertThrows(IllegalArgumentException.class, () -> new CompactRange(-1, List.of()));
    CompactRange full = new CompactRange(Long.MAX_VALUE, Collections.nCopies(63, h));
    assertThrows(IllegalStateException.class, () -> full.append(h));
    assertThrows(IllegalArgumentException.class, () -> new SubtreeNode(63, 0, h));
    assertThrows(IllegalArgumentException.class, () -> new SubtreeNode(62, 1, h));
    assertThrows(IllegalArgumentException.class, () -> new SubtreeNode(0, -1, h));
    assertEquals(1L << 62, new SubtreeNode(62, 0, h).leafCount());
  }
}
