package org.saypro.dcop.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our hashes, roots and proofs against the published RFC 6962 reference values: the hasher cases of
 * transparency-dev/merkle {@code rfc6962/rfc6962_test.go}, the eight-leaf tree of {@code testonly/constants.go}, and
 * the proofs {@code cmd/proofgen/main.go} turns into the JSON probes (leaf numbers there count from 1).
 */
class ReferenceTreeTest {

  private static final List<Hash> LEAVES = ReferenceTree.leafHashes();

  @Test
  void hasherMatchesRfc6962TestValues() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleHash.empty().hex());
    assertEquals(
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", MerkleHash.leaf(new byte[0]).hex());
    assertEquals(
        "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56",
        MerkleHash.leaf("L123456".getBytes(StandardCharsets.US_ASCII)).hex());
  }

  @Test
  void everyCompleteSubtreeHashesAsPublished() {
    NodeSource stored = InMemoryNodes.build(LEAVES);
    NodeSource computed = NodeSource.fromLeaves(LeafSource.of(LEAVES));
    Map<String, Hash> appended = new HashMap<>();
    CompactRange range = CompactRange.empty();
    for (Hash leaf : LEAVES) {
      CompactRange.Appended step = range.append(leaf);
      step.completed().forEach(n -> appended.put(n.level() + "/" + n.index(), n.hash()));
      range = step.range();
    }
    int count = 0;
    for (int level = 0; level < ReferenceTree.NODE_HASHES.size(); level++) {
      List<String> row = ReferenceTree.NODE_HASHES.get(level);
      for (int index = 0; index < row.size(); index++) {
        Hash expected = Hash.fromHex(row.get(index));
        assertEquals(expected, stored.node(level, index), "stored " + level + "/" + index);
        assertEquals(expected, computed.node(level, index), "computed " + level + "/" + index);
        assertEquals(expected, appended.get(level + "/" + index), "appended " + level + "/" + index);
        count++;
      }
    }
    assertEquals(15, count);
    assertEquals(15, appended.size(), "appending completes each node exactly once");
  }

  @Test
  void rootsForEverySizeFromEmptyToEight() {
    MerkleTree inMemory = MerkleTree.of(LEAVES);
    MerkleTree fromLeaves = MerkleTree.overLeaves(LeafSource.of(LEAVES));
    CompactRange range = CompactRange.empty();
    for (int size = 0; size <= 8; size++) {
      String expected = ReferenceTree.ROOTS.get(size);
      assertEquals(expected, inMemory.root(size).hex(), "in memory, size " + size);
      assertEquals(expected, fromLeaves.root(size).hex(), "from leaves, size " + size);
      assertEquals(expected, range.root().hex(), "compact range, size " + size);
      if (size < 8) {
        range = range.append(LEAVES.get(size)).range();
      }
    }
  }

  @Test
  void inclusionProofsAsPublished() {
    MerkleTree tree = MerkleTree.of(LEAVES);
    assertEquals(List.of(), tree.inclusionProof(0, 1));
    assertEquals(
        ReferenceTree.hashes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        tree.inclusionProof(0, 8));
    assertEquals(
        ReferenceTree.hashes(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        tree.inclusionProof(5, 8));
    assertEquals(
        ReferenceTree.hashes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
        tree.inclusionProof(2, 3));
    assertEquals(
        ReferenceTree.hashes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        tree.inclusionProof(1, 5));
  }

  @Test
  void consistencyProofsAsPublished() {
    MerkleTree tree = MerkleTree.of(LEAVES);
    assertEquals(List.of(), tree.consistencyProof(1, 1));
    assertEquals(
        ReferenceTree.hashes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        tree.consistencyProof(1, 8));
    assertEquals(
        ReferenceTree.hashes(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        tree.consistencyProof(6, 8));
    assertEquals(
        ReferenceTree.hashes(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        tree.consistencyProof(2, 5));
    assertEquals(
        ReferenceTree.hashes(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        tree.consistencyProof(6, 7));
  }

  @Test
  void publishedProofsVerify() {
    MerkleTree tree = MerkleTree.of(LEAVES);
    for (int size = 1; size <= 8; size++) {
      Hash root = Hash.fromHex(ReferenceTree.ROOTS.get(size));
      for (int index = 0; index < size; index++) {
        assertTrue(
            InclusionProofVerifier.verify(index, size, LEAVES.get(index), tree.inclusionProof(index, size), root)
                .isValid());
      }
      for (int old = 1; old <= size; old++) {
        Hash oldRoot = Hash.fromHex(ReferenceTree.ROOTS.get(old));
        assertTrue(
            ConsistencyProofVerifier.verify(old, size, oldRoot, root, tree.consistencyProof(old, size)).isValid());
      }
    }
  }
}
