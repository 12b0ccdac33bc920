package org.saypro.dcop.core.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BitstringTest {

  @Test
  void indexZeroIsTheMostSignificantBitOfTheFirstByte() {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    bits.set(0, true);
    bits.set(1, true);
    bits.set(7, true);
    bits.set(8, true);
    bits.set(131_071, true);
    byte[] bytes = bits.toByteArray();
    assertEquals((byte) 0xc1, bytes[0]);
    assertEquals((byte) 0x80, bytes[1]);
    assertEquals((byte) 0x01, bytes[16_383]);
    assertEquals(5, bits.countSet());
  }

  @Test
  void setAndClear() {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    assertFalse(bits.get(94_567));
    bits.set(94_567, true);
    assertTrue(bits.get(94_567));
    assertFalse(bits.get(94_566));
    assertFalse(bits.get(94_568));
    bits.set(94_567, false);
    assertFalse(bits.get(94_567));
    assertEquals(0, bits.countSet());
  }

  @Test
  void newListsHaveTheHerdPrivacyMinimum() {
    assertEquals(131_072, Bitstring.forNewList(131_072).length());
    assertEquals(16_384, Bitstring.forNewList(131_072).toByteArray().length);
    assertThrows(IllegalArgumentException.class, () -> Bitstring.forNewList(131_064));
    assertThrows(IllegalArgumentException.class, () -> Bitstring.forNewList(131_073));
    assertEquals(262_144, Bitstring.forNewList(262_144).length());
  }

  @Test
  void decodedListsMayBeShorter() {
    assertEquals(8, Bitstring.fromBytes(new byte[] {(byte) 0x80}).length());
    assertTrue(Bitstring.fromBytes(new byte[] {(byte) 0x80}).get(0));
    assertEquals(0, Bitstring.fromBytes(new byte[0]).length());
  }

  @Test
  void indexesOutsideTheListAreRefused() {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    assertThrows(IndexOutOfBoundsException.class, () -> bits.get(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> bits.get(131_072));
    assertThrows(IndexOutOfBoundsException.class, () -> bits.set(131_072, true));
    assertThrows(IndexOutOfBoundsException.class, () -> bits.get(Long.MAX_VALUE));
  }

  @Test
  void copiesAreIndependent() {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    bits.set(3, true);
    Bitstring copy = bits.copy();
    assertEquals(bits, copy);
    copy.set(4, true);
    assertNotEquals(bits, copy);
    assertFalse(bits.get(4));

    byte[] source = {0x10};
    Bitstring fromBytes = Bitstring.fromBytes(source);
    source[0] = 0;
    assertTrue(fromBytes.get(3));
    fromBytes.toByteArray()[0] = 0;
    assertArrayEquals(new byte[] {0x10}, fromBytes.toByteArray());
  }
}
