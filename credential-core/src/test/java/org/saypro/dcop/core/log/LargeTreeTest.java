package org.saypro.dcop.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A log of more than 100,000 entries: the three ways of computing agree, and sampled proofs verify. */
class LargeTreeTest {

  private static final int SIZE = 100_003;

  @Test
  void agreesAcrossRepresentationsAndProofsVerify() {
    List<Hash> leaves = new ArrayList<>(SIZE);
    Map<Long, Hash> stored = new HashMap<>();
    CompactRange range = CompactRange.empty();
    for (int i = 0; i < SIZE; i++) {
      Hash leaf = MerkleHash.leaf(ByteBuffer.allocate(4).putInt(i).array());
      leaves.add(leaf);
      CompactRange.Appended step = range.append(leaf);
      step.completed().forEach(n -> stored.put(key(n.level(), n.index()), n.hash()));
      range = step.range();
    }
    MerkleTree inMemory = MerkleTree.of(leaves);
    MerkleTree served = MerkleTree.overNodes((level, index) -> stored.get(key(level, index)));
    Hash root = inMemory.root(SIZE);
    assertEquals(root, range.root());
    assertEquals(root, served.root(SIZE));
    assertEquals(root, MerkleTree.overLeaves(LeafSource.of(leaves)).root(SIZE));

    Random random = new Random(9162);
    for (int probe = 0; probe < 500; probe++) {
      long size = 1 + random.nextInt(SIZE);
      long index = random.nextInt((int) size);
      long older = 1 + random.nextInt((int) size);
      List<Hash> path = served.inclusionProof(index, size);
      assertEquals(inMemory.inclusionProof(index, size), path);
      assertTrue(
          InclusionProofVerifier.verify(index, size, leaves.get((int) index), path, inMemory.root(size)).isValid());
      List<Hash> consistency = served.consistencyProof(older, size);
      assertTrue(
          ConsistencyProofVerifier.verify(older, size, served.root(older), served.root(size), consistency)
              .isValid());
    }
  }

  private static long key(int level, long index) {
    return ((long) level << 56) | index;
  }
}
