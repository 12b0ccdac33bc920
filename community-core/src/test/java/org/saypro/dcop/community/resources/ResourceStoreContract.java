package org.saypro.dcop.community.resources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResourceStore} guarantees, run against each implementation: round trips by generated key,
 * the limit enforced while copying with nothing left behind, unknown keys, deletion, and generated keys only.
 * Sizes cross {@link S3ResourceStore#PART_BYTES} so that the S3 store's multipart path is covered too.
 */
abstract class ResourceStoreContract {

  private static final int MIB = 1024 * 1024;

  /** The store under test, empty at the start of each test. */
  abstract ResourceStore store();

  /** Everything the store's backing holds: files, objects, unfinished uploads. */
  abstract long storedObjects() throws IOException;

  @Test
  void storesReadsAndDeletesByGeneratedKey() throws IOException {
    String key = ResourceStore.newKey();
    assertEquals(5, store().put(key, new ByteArrayInputStream("hello".getBytes()), 5));
    assertArrayEquals("hello".getBytes(), read(key));
    assertEquals(1, storedObjects());
    store().delete(key);
    store().delete(key);
    assertThrows(NoSuchFileException.class, () -> store().get(key));
    assertEquals(0, storedObjects());
  }

  @Test
  void aFileOfSeveralPartsRoundTripsWholeAndStreams() throws IOException {
    byte[] content = new byte[2 * S3ResourceStore.PART_BYTES + 12345];
    new Random(29).nextBytes(content);
    String key = ResourceStore.newKey();
    assertEquals(content.length, store().put(key, new ByteArrayInputStream(content), content.length));
    try (InputStream in = store().get(key)) {
      byte[] start = in.readNBytes(1000);
      assertArrayEquals(Arrays.copyOf(content, 1000), start);
      byte[] rest = in.readAllBytes();
      assertEquals(content.length - 1000, rest.length);
      assertArrayEquals(content, concat(start, rest));
    }
    assertEquals(1, storedObjects());
    store().delete(key);
  }

  @Test
  void aStreamPastTheLimitIsRefusedAndLeavesNothing() throws IOException {
    ResourceStore.TooLarge refused = assertThrows(ResourceStore.TooLarge.class,
        () -> store().put(ResourceStore.newKey(), endless(), 100_000));
    assertEquals(100_000, refused.maxBytes());
    assertEquals(0, storedObjects());
  }

  @Test
  void aStreamPastTheLimitAfterWholePartsWereStoredLeavesNothing() throws IOException {
    long limit = S3ResourceStore.PART_BYTES + MIB;
    ResourceStore.TooLarge refused = assertThrows(ResourceStore.TooLarge.class,
        () -> store().put(ResourceStore.newKey(), endless(), limit));
    assertEquals(limit, refused.maxBytes());
    assertEquals(0, storedObjects());
  }

  @Test
  void aStreamOfExactlyTheLimitIsStored() throws IOException {
    String small = ResourceStore.newKey();
    assertEquals(10, store().put(small, new ByteArrayInputStream(new byte[10]), 10));
    String onePart = ResourceStore.newKey();
    byte[] part = new byte[S3ResourceStore.PART_BYTES];
    assertEquals(part.length, store().put(onePart, new ByteArrayInputStream(part), part.length));
    assertEquals(part.length, read(onePart).length);
    assertEquals(2, storedObjects());
    store().delete(small);
    store().delete(onePart);
  }

  @Test
  void aStreamThatFailsMidwayLeavesNothing() throws IOException {
    IOException broken = new IOException("the client went away");
    InputStream failing = new InputStream() {
      private long served;

      @Override
      public int read() throws IOException {
        if (++served > S3ResourceStore.PART_BYTES + 1000) {
          throw broken;
        }
        return 'b';
      }
    };
    IOException thrown = assertThrows(IOException.class,
        () -> store().put(ResourceStore.newKey(), failing, 10L * S3ResourceStore.PART_BYTES));
    assertSame(broken, thrown);
    assertEquals(0, storedObjects());
  }

  @Test
  void anUnknownKeyHoldsNothingAndDeletingItIsNoError() throws IOException {
    String key = ResourceStore.newKey();
    assertThrows(NoSuchFileException.class, () -> store().get(key));
    store().delete(key);
    assertEquals(0, storedObjects());
  }

  @Test
  void onlyGeneratedKeysNameFiles() {
    for (String key : new String[] {"../../keys/jwt-secret", "ABCDEF0123456789abcdef0123456789", "", "a/b", null}) {
      assertThrows(IllegalArgumentException.class, () -> store().get(key), key);
      assertThrows(IllegalArgumentException.class, () -> store().delete(key), key);
      assertThrows(IllegalArgumentException.class,
          () -> store().put(key, new ByteArrayInputStream(new byte[1]), 10), key);
    }
  }

  byte[] read(String key) throws IOException {
    try (InputStream in = store().get(key)) {
      return in.readAllBytes();
    }
  }

  /** An endless stream: a store must stop at the limit rather than read it all. */
  private static InputStream endless() {
    return new InputStream() {
      @Override
      public int read() {
        return 'a';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        Arrays.fill(b, off, off + len, (byte) 'a');
        return len;
      }
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
