package org.saypro.dcop.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HashTest {

  private static final String HEX = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

  @Test
  void isExactly32Bytes() {
    assertThrows(IllegalArgumentException.class, () -> new Hash(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> new Hash(new byte[33]));
    assertThrows(IllegalArgumentException.class, () -> new Hash(null));
    assertThrows(IllegalArgumentException.class, () -> Hash.fromHex(HEX.substring(2)));
  }

  @Test
  void cannotBeChangedThroughArrays() {
    byte[] bytes = new byte[32];
    Hash hash = new Hash(bytes);
    bytes[0] = 1;
    assertEquals(0, hash.bytes()[0]);
    hash.bytes()[1] = 1;
    assertEquals(0, hash.bytes()[1]);
  }

  @Test
  void comparesByContent() {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) 7);
    assertEquals(new Hash(bytes), new Hash(bytes.clone()));
    assertEquals(new Hash(bytes).hashCode(), new Hash(bytes.clone()).hashCode());
    bytes[31] = 8;
    assertNotEquals(new Hash(new byte[32]), new Hash(bytes));
  }

  @Test
  void roundTripsHexAndBase64() {
    Hash hash = Hash.fromHex(HEX);
    assertEquals(HEX, hash.hex());
    assertEquals(HEX, hash.toString());
    assertEquals("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", hash.base64());
    assertEquals(hash, Hash.fromBase64(hash.base64()));
    assertArrayEquals(Hash.fromHex(HEX.toUpperCase()).bytes(), hash.bytes());
  }

  @Test
  void base64HasOneSpelling() {
    assertThrows(IllegalArgumentException.class, () -> Hash.fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg"));
    assertThrows(IllegalArgumentException.class, () -> Hash.fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh="));
  }
}
