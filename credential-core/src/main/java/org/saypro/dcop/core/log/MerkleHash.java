package org.saypro.dcop.core.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 9162 (section 2.1.1) hashes with SHA-256. The one-byte prefixes keep a leaf from ever hashing to the same
 * value as an interior node, which is what makes a second preimage of a tree root as hard as one of SHA-256.
 */
public final class MerkleHash {

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final Hash EMPTY = sha256(new byte[0]);

  private MerkleHash() {}

  /** MTH({}): the root of the empty tree, SHA-256 of no bytes at all. */
  public static Hash empty() {
    return EMPTY;
  }

  /** SHA-256(0x00 || data): the hash of one log entry. */
  public static Hash leaf(byte[] data) {
    MessageDigest digest = sha256();
    digest.update(LEAF_PREFIX);
    digest.update(data);
    return new Hash(digest.digest());
  }

  /** SHA-256(0x01 || left || right): the hash of an interior node. */
  public static Hash node(Hash left, Hash right) {
    MessageDigest digest = sha256();
    digest.update(NODE_PREFIX);
    digest.update(left.unsafeBytes());
    digest.update(right.unsafeBytes());
    return new Hash(digest.digest());
  }

  static Hash sha256(byte[] data) {
    return new Hash(sha256().digest(data));
  }

  // A fresh JDK digest per call: safe on any thread, and its intrinsics hash several times faster than Bouncy
  // Castle's portable code, which matters when a large tree is rehashed.
  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
