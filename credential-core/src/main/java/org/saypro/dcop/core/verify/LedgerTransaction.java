package org.saypro.dcop.core.verify;

import java.util.regex.Pattern;

/** A transaction on an EVM ledger that a check rests on: what a page links to, so anyone can look it up. */
public record LedgerTransaction(long chainId, String hash) {

  private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");

  public LedgerTransaction {
    if (chainId < 1) {
      throw new IllegalArgumentException("a chain id is positive");
    }
    if (hash == null || !HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("a transaction hash is 0x and 64 lowercase hex digits");
    }
  }
}
