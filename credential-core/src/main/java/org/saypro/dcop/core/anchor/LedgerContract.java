package org.saypro.dcop.core.anchor;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract on an EVM chain, written as a CAIP-10 account id ({@code eip155:<chain id>:<0x address>}) where others
 * must read it, e.g. in the issuer's DID document.
 */
public record LedgerContract(long chainId, String address) {

  private static final Pattern CAIP10 = Pattern.compile("eip155:([1-9][0-9]{0,17}):(0x[0-9a-fA-F]{40})");

  public LedgerContract {
    if (chainId < 1) {
      throw new IllegalArgumentException("a chain id is positive");
    }
    if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("a contract address is 0x and 40 hexadecimal digits: " + address);
    }
    address = address.toLowerCase(Locale.ROOT);
  }

  /** Reads {@code eip155:<chain id>:<address>}; throws IllegalArgumentException for anything else. */
  public static LedgerContract parseCaip10(String accountId) {
    Matcher matcher = CAIP10.matcher(accountId == null ? "" : accountId);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a CAIP-10 eip155 account id: " + accountId);
    }
    return new LedgerContract(Long.parseLong(matcher.group(1)), matcher.group(2));
  }

  public String caip10() {
    return "eip155:" + chainId + ":" + address;
  }
}
