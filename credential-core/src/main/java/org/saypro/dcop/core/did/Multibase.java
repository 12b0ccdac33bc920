package org.saypro.dcop.core.did;

/** Multibase base58btc ({@code z...}), the encoding of Data Integrity proof values and Multikey public keys. */
public final class Multibase {
  private Multibase() {}

  public static String encodeBase58Btc(byte[] data) {
    return "z" + Base58.encode(data);
  }

  public static byte[] decodeBase58Btc(String value) {
    if (value == null || value.length() < 2 || value.charAt(0) != 'z') {
      throw new IllegalArgumentException("not a base58btc multibase value");
    }
    return Base58.decode(value.substring(1));
  }
}
