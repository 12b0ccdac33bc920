package org.saypro.dcop.core.log;

import java.util.Objects;

/** Why a Merkle proof was rejected, precisely enough to tell a corrupt proof from a request for the wrong tree. */
public sealed interface ProofFailure {

  /** A sentence for logs and reports. */
  String describe();

  /** The leaf index is negative or not below the tree size (which includes every index in an empty tree). */
  record IndexOutOfRange(long index, long size) implements ProofFailure {
    @Override
    public String describe() {
      return "leaf index " + index + " is not in a tree of size " + size;
    }
  }

  /** RFC 9162 defines consistency only for 0 < size1 <= size2. */
  record SizesOutOfOrder(long size1, long size2) implements ProofFailure {
    @Override
    public String describe() {
      return "a consistency proof needs 0 < size1 <= size2, not size1 " + size1 + " and size2 " + size2;
    }
  }

  /** The number of proof hashes is fixed by the index and sizes alone; any other count is not a proof for them. */
  record WrongProofLength(int expected, int actual) implements ProofFailure {
    @Override
    public String describe() {
      return "the proof has " + actual + " hashes where " + expected + " are needed";
    }
  }

  /** An input that should be a 32-byte SHA-256 value is not, so the proof cannot even be evaluated. */
  record MalformedHash(String field, int length) implements ProofFailure {
    public MalformedHash {
      Objects.requireNonNull(field, "field");
    }

    @Override
    public String describe() {
      return field + " is " + length + " bytes, not a " + Hash.LENGTH + "-byte SHA-256 hash";
    }
  }

  /** The proof chains to a different root than the one it was checked against. */
  record RootMismatch(String root, Hash expected, Hash computed) implements ProofFailure {
    public RootMismatch {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(computed, "computed");
    }

    @Override
    public String describe() {
      return "the proof gives " + root + " " + computed.hex() + " where " + expected.hex() + " was expected";
    }
  }
}
