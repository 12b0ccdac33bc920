package org.saypro.dcop.bench;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.saypro.dcop.core.log.CompactRange;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.core.log.InclusionProofVerifier;
import org.saypro.dcop.core.log.MerkleHash;
import org.saypro.dcop.core.log.MerkleTree;
import org.saypro.dcop.core.log.ProofCheck;

/**
 * Transparency-log inclusion proofs ({@code --log}): {@link InclusionProofVerifier#verify} of proofs from a tree of
 * 1,000,000 leaves held in memory, beside the least any verification must compute, one SHA-256 of 1 + 32 + 32 bytes per
 * proof hash. Each operation is one proof; all three benchmarks walk the same sample of proofs in the same order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class LogProofs {

  /** Leaves of the tree the proofs come from. */
  public static final int TREE_SIZE = 1_000_000;
  /** Proofs in the sample the benchmarks cycle through (a power of two). */
  public static final int SAMPLE = 4096;
  /** Seed of the sampled leaf indexes: every fork and run verifies the same proofs. */
  public static final long SEED = 20260401L;

  private Sample sample;
  private int next;
  private MessageDigest digest;
  private final byte[] block = new byte[1 + 2 * Hash.LENGTH];
  private final byte[] chained = new byte[Hash.LENGTH];

  @Setup
  public void setUp() {
    sample = Sample.build(TREE_SIZE, SAMPLE, SEED);
    sample.check();
    digest = sha256();
  }

  /** RFC 9162 inclusion-proof verification, hashes as {@link Hash} values (as the issuer's proof API builds them). */
  @Benchmark
  public ProofCheck inclusionVerify() {
    int i = next++ & (SAMPLE - 1);
    return InclusionProofVerifier.verify(sample.index[i], sample.size, sample.leaf[i], sample.proof.get(i), sample.root);
  }

  /** The same check on hashes as byte arrays, as a client reads them off the wire (informational). */
  @Benchmark
  public ProofCheck inclusionVerifyWire() {
    int i = next++ & (SAMPLE - 1);
    return InclusionProofVerifier.verify(
        sample.index[i], sample.size, sample.leafBytes[i], sample.proofBytes.get(i), sample.rootBytes);
  }

  /**
   * The floor: for every hash of the same proof, SHA-256 of 0x01 || 32 bytes || 32 bytes with one reused JDK digest,
   * each result chained into the next block. It ignores left/right order, so it ends at no root: it only costs what
   * the verifier's hashing costs.
   */
  @Benchmark
  public byte[] sha256Floor() {
    int i = next++ & (SAMPLE - 1);
    return Sample.hashChain(digest, block, chained, sample.leafBytes[i], sample.proofBytes.get(i));
  }

  /** A tree, its root and a random sample of inclusion proofs, with the same hashes also as byte arrays. */
  static final class Sample {
    final long size;
    final Hash root;
    final byte[] rootBytes;
    final long[] index;
    final Hash[] leaf;
    final byte[][] leafBytes;
    final List<List<Hash>> proof;
    final List<List<byte[]>> proofBytes;

    private Sample(long size, Hash root, int count) {
      this.size = size;
      this.root = root;
      this.rootBytes = root.bytes();
      this.index = new long[count];
      this.leaf = new Hash[count];
      this.leafBytes = new byte[count][];
      this.proof = new ArrayList<>(count);
      this.proofBytes = new ArrayList<>(count);
    }

    /**
     * Leaf i commits to SHA-256 of the 8 bytes of i (as a log entry commits to a credential's SHA-256). The tree is
     * built twice, as {@link MerkleTree#of} (every complete subtree, which serves the proofs) and by appending each
     * leaf to a {@link CompactRange} (as the sequencer does); the two roots must agree. The sample keeps copies of
     * the hashes it needs, and the tree itself becomes garbage.
     */
    static Sample build(int leaves, int count, long seed) {
      MessageDigest digest = sha256();
      List<Hash> leafHashes = new ArrayList<>(leaves);
      CompactRange range = CompactRange.empty();
      for (int i = 0; i < leaves; i++) {
        Hash leafHash = MerkleHash.leaf(digest.digest(ByteBuffer.allocate(Long.BYTES).putLong(i).array()));
        leafHashes.add(leafHash);
        range = range.append(leafHash).range();
      }
      MerkleTree tree = MerkleTree.of(leafHashes);
      Hash root = tree.root(leaves);
      if (!root.equals(range.root())) {
        throw new IllegalStateException("MerkleTree and CompactRange disagree on the root of " + leaves + " leaves");
      }
      Sample sample = new Sample(leaves, new Hash(root.bytes()), count);
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < count; i++) {
        // The first and the last leaf are always in: the longest and a short proof.
        long at = i == 0 ? 0 : i == 1 ? leaves - 1 : random.nextLong(leaves);
        sample.index[i] = at;
        // Fresh copies, as a verifier holds hashes it has just read: the tree's own Hash objects lie scattered over
        // a few hundred MB of heap, and reading them would time cache misses, not verification.
        sample.leaf[i] = new Hash(leafHashes.get((int) at).bytes());
        sample.leafBytes[i] = sample.leaf[i].bytes();
        List<Hash> path = tree.inclusionProof(at, leaves);
        sample.proof.add(path.stream().map(h -> new Hash(h.bytes())).toList());
        sample.proofBytes.add(path.stream().map(Hash::bytes).toList());
      }
      return sample;
    }

    /** Fails unless every sampled proof verifies (both forms) and a proof for another leaf does not. */
    void check() {
      for (int i = 0; i < index.length; i++) {
        ProofCheck typed = InclusionProofVerifier.verify(index[i], size, leaf[i], proof.get(i), root);
        ProofCheck wire = InclusionProofVerifier.verify(index[i], size, leafBytes[i], proofBytes.get(i), rootBytes);
        if (!typed.isValid() || !wire.isValid()) {
          throw new IllegalStateException("the proof of leaf " + index[i] + " does not verify: " + typed + " " + wire);
        }
      }
      int other = index[0] == index[2] ? 3 : 2;
      if (InclusionProofVerifier.verify(index[0], size, leaf[other], proof.get(0), root).isValid()) {
        throw new IllegalStateException("a proof verified for the wrong leaf: the verifier accepts anything");
      }
    }

    /** Mean number of hashes in a sampled proof. */
    double meanProofLength() {
      return proof.stream().mapToInt(List::size).average().orElse(0);
    }

    int minProofLength() {
      return proof.stream().mapToInt(List::size).min().orElse(0);
    }

    int maxProofLength() {
      return proof.stream().mapToInt(List::size).max().orElse(0);
    }

    static byte[] hashChain(MessageDigest digest, byte[] block, byte[] chained, byte[] start, List<byte[]> path) {
      System.arraycopy(start, 0, chained, 0, Hash.LENGTH);
      block[0] = 0x01;
      for (byte[] sibling : path) {
        System.arraycopy(sibling, 0, block, 1, Hash.LENGTH);
        System.arraycopy(chained, 0, block, 1 + Hash.LENGTH, Hash.LENGTH);
        digest.update(block);
        try {
          digest.digest(chained, 0, Hash.LENGTH);
        } catch (DigestException e) {
          throw new IllegalStateException(e);
        }
      }
      return chained;
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
