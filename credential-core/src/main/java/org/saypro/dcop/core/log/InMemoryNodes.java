package org.saypro.dcop.core.log;

import java.util.ArrayList;
import java.util.List;

/** Every complete subtree of a fixed list of leaves, level by level: about 2n hashes kept for O(1) lookups. */
final class InMemoryNodes implements NodeSource {

  private final List<List<Hash>> levels;

  private InMemoryNodes(List<List<Hash>> levels) {
    this.levels = levels;
  }

  static InMemoryNodes build(List<Hash> leafHashes) {
    List<List<Hash>> levels = new ArrayList<>();
    List<Hash> level = List.copyOf(leafHashes);
    levels.add(level);
    while (level.size() > 1) {
      List<Hash> up = new ArrayList<>(level.size() / 2);
      for (int i = 0; i + 1 < level.size(); i += 2) {
        up.add(MerkleHash.node(level.get(i), level.get(i + 1)));
      }
      level = List.copyOf(up);
      levels.add(level);
    }
    return new InMemoryNodes(List.copyOf(levels));
  }

  @Override
  public Hash node(int level, long index) {
    if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
      throw new IllegalArgumentException(
          "no complete subtree " + index + " at level " + level + " among " + levels.get(0).size() + " leaves");
    }
    return levels.get(level).get((int) index);
  }
}
