package org.saypro.dcop.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every proof our trees generate for up to 64 leaves verifies, and a one-bit change to any hash involved (in every
 * byte of it), a missing or extra hash, or a different leaf index, makes it fail with the right reason.
 */
class GeneratedProofsTest {

  private static final int MAX = 64;
  private static final List<Hash> LEAVES =
      IntStream.range(0, MAX)
          .mapToObj(i -> MerkleHash.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8)))
          .toList();
  private static final MerkleTree TREE = MerkleTree.of(LEAVES);
  private static final MerkleTree FROM_LEAVES = MerkleTree.overLeaves(LeafSource.of(LEAVES));

  @Test
  void everyInclusionProofVerifiesAndEveryCorruptionFails() {
    int checked = 0;
    for (int size = 1; size <= MAX; size++) {
      Hash root = TREE.root(size);
      for (int index = 0; index < size; index++) {
        List<Hash> proof = TREE.inclusionProof(index, size);
        Hash leaf = LEAVES.get(index);
        assertEquals(FROM_LEAVES.inclusionProof(index, size), proof, "same proof without stored nodes");
        assertEquals(new ProofCheck.Valid(), InclusionProofVerifier.verify(index, size, leaf, proof, root));

        for (int i = 0; i < proof.size(); i++) {
          for (int b = 0; b < Hash.LENGTH; b++) {
            List<Hash> corrupt = new ArrayList<>(proof);
            corrupt.set(i, flip(proof.get(i), b, i + index));
            assertMismatch(InclusionProofVerifier.verify(index, size, leaf, corrupt, root));
          }
        }
        for (int b = 0; b < Hash.LENGTH; b++) {
          assertMismatch(InclusionProofVerifier.verify(index, size, flip(leaf, b, size), proof, root));
          assertMismatch(InclusionProofVerifier.verify(index, size, leaf, proof, flip(root, b, index)));
        }
        List<Hash> longer = new ArrayList<>(proof);
        longer.add(root);
        assertWrongLength(InclusionProofVerifier.verify(index, size, leaf, longer, root));
        if (!proof.isEmpty()) {
          assertWrongLength(InclusionProofVerifier.verify(index, size, leaf, proof.subList(1, proof.size()), root));
        }
        for (int other = 0; other < size; other++) {
          if (other != index) {
            assertFalse(InclusionProofVerifier.verify(other, size, leaf, proof, root).isValid(), "index " + other);
          }
        }
        assertInstanceOf(
            ProofFailure.IndexOutOfRange.class,
            failure(InclusionProofVerifier.verify(size, size, leaf, proof, root)));
        checked++;
      }
    }
    assertEquals(MAX * (MAX + 1) / 2, checked);
  }

  @Test
  void everyConsistencyProofVerifiesAndEveryCorruptionFails() {
    int checked = 0;
    for (int size2 = 1; size2 <= MAX; size2++) {
      Hash root2 = TREE.root(size2);
      for (int size1 = 1; size1 <= size2; size1++) {
        Hash root1 = TREE.root(size1);
        List<Hash> proof = TREE.consistencyProof(size1, size2);
        assertEquals(FROM_LEAVES.consistencyProof(size1, size2), proof, "same proof without stored nodes");
        assertEquals(new ProofCheck.Valid(), ConsistencyProofVerifier.verify(size1, size2, root1, root2, proof));

        for (int i = 0; i < proof.size(); i++) {
          for (int b = 0; b < Hash.LENGTH; b++) {
            List<Hash> corrupt = new ArrayList<>(proof);
            corrupt.set(i, flip(proof.get(i), b, i + size1));
            assertMismatch(ConsistencyProofVerifier.verify(size1, size2, root1, root2, corrupt));
          }
        }
        for (int b = 0; b < Hash.LENGTH; b++) {
          assertMismatch(ConsistencyProofVerifier.verify(size1, size2, flip(root1, b, size2), root2, proof));
          assertMismatch(ConsistencyProofVerifier.verify(size1, size2, root1, flip(root2, b, size1), proof));
        }
        List<Hash> longer = new ArrayList<>(proof);
        longer.add(root2);
        assertWrongLength(ConsistencyProofVerifier.verify(size1, size2, root1, root2, longer));
        if (!proof.isEmpty()) {
          assertWrongLength(
              ConsistencyProofVerifier.verify(size1, size2, root1, root2, proof.subList(0, proof.size() - 1)));
        }
        // No check of the same hashes under other sizes: a proof for (1, 3) also "verifies" against the size-3
        // root claimed as a size-4 root, because hashes are opaque to the verifier. That is why sizes and roots
        // must come from signed checkpoints, never from the prover.
        checked++;
      }
    }
    assertEquals(MAX * (MAX + 1) / 2, checked);
  }

  @Test
  void sizesOutsideTheRfcAreRejected() {
    Hash root = TREE.root(4);
    assertEquals(
        new ProofCheck.Invalid(new ProofFailure.SizesOutOfOrder(0, 4)),
        ConsistencyProofVerifier.verify(0, 4, MerkleHash.empty(), root, List.of()));
    assertEquals(
        new ProofCheck.Invalid(new ProofFailure.SizesOutOfOrder(5, 4)),
        ConsistencyProofVerifier.verify(5, 4, root, root, List.of()));
    assertEquals(
        new ProofCheck.Invalid(new ProofFailure.IndexOutOfRange(-1, 4)),
        InclusionProofVerifier.verify(-1, 4, LEAVES.get(0), List.of(), root));
    assertThrows(IllegalArgumentException.class, () -> TREE.consistencyProof(0, 4));
    assertThrows(IllegalArgumentException.class, () -> TREE.consistencyProof(5, 4));
    assertThrows(IllegalArgumentException.class, () -> TREE.inclusionProof(4, 4));
    assertThrows(IllegalArgumentException.class, () -> TREE.root(-1));
    assertThrows(IllegalArgumentException.class, () -> TREE.root(MAX + 1));
  }

  @Test
  void aMismatchNamesBothRoots() {
    Hash root = TREE.root(8);
    Hash other = TREE.root(7);
    ProofCheck check = InclusionProofVerifier.verify(3, 8, LEAVES.get(3), TREE.inclusionProof(3, 8), other);
    assertEquals(new ProofCheck.Invalid(new ProofFailure.RootMismatch("root", other, root)), check);
    assertTrue(((ProofCheck.Invalid) check).failure().describe().contains(root.hex()));
  }

  /** Flips one bit of byte {@code b}; which bit varies with {@code salt}, so all eight are exercised. */
  private static Hash flip(Hash hash, int b, int salt) {
    byte[] bytes = hash.bytes();
    bytes[b] ^= (byte) (1 << ((b + salt) % 8));
    return new Hash(bytes);
  }

  private static ProofFailure failure(ProofCheck check) {
    return assertInstanceOf(ProofCheck.Invalid.class, check).failure();
  }

  private static void assertMismatch(ProofCheck check) {
    assertInstanceOf(ProofFailure.RootMismatch.class, failure(check));
  }

  private static void assertWrongLength(ProofCheck check) {
    assertInstanceOf(ProofFailure.WrongProofLength.class, failure(check));
  }
}
