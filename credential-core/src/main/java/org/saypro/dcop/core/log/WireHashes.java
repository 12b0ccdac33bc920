package org.saypro.dcop.core.log;

import java.util.ArrayList;
import java.util.List;

/** Turns hashes as received (any length) into {@link Hash} values, naming the first one that is not 32 bytes. */
final class WireHashes {

  private final List<ProofFailure> failures = new ArrayList<>(1);

  Hash one(String field, byte[] bytes) {
    if (bytes == null || bytes.length != Hash.LENGTH) {
      failures.add(new ProofFailure.MalformedHash(field, bytes == null ? 0 : bytes.length));
      return null;
    }
    return new Hash(bytes);
  }

  List<Hash> proof(List<byte[]> proof) {
    List<Hash> hashes = new ArrayList<>(proof == null ? 0 : proof.size());
    if (proof != null) {
      for (int i = 0; i < proof.size(); i++) {
        hashes.add(one("proof[" + i + "]", proof.get(i)));
      }
    }
    return hashes;
  }

  /** The first malformed input, if any; later ones add nothing a caller could act on. */
  ProofCheck.Invalid failure() {
    return failures.isEmpty() ? null : new ProofCheck.Invalid(failures.get(0));
  }
}
