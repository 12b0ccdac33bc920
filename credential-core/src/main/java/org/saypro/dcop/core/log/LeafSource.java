package org.saypro.dcop.core.log;

import java.util.List;

/**
 * The leaf hashes of a log, by index from 0. The issuer backs this with its stored entries; it is only asked for
 * indices below the tree size the caller passes to {@link MerkleTree}.
 */
@FunctionalInterface
public interface LeafSource {

  Hash leafHash(long index);

  static LeafSource of(List<Hash> leafHashes) {
    List<Hash> copy = List.copyOf(leafHashes);
    return index -> {
      if (index < 0 || index >= copy.size()) {
        throw new IllegalArgumentException("no leaf " + index + " among " + copy.size());
      }
      return copy.get((int) index);
    };
  }
}
