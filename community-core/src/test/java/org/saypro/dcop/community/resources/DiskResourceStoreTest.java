package org.saypro.dcop.community.resources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk store: round trips, the limit while copying (leaving nothing), and generated keys only. */
class DiskResourceStoreTest {

  @TempDir Path dataDir;

  @Test
  void storesReadsAndDeletesByGeneratedKey() throws IOException {
    DiskResourceStore store = new DiskResourceStore(dataDir.toString());
    String key = ResourceStore.newKey();
    assertEquals(5, store.put(key, new ByteArrayInputStream("hello".getBytes()), 5));
    try (InputStream in = store.get(key)) {
      assertArrayEquals("hello".getBytes(), in.readAllBytes());
    }
    assertEquals(dataDir.resolve("resources").resolve(key.substring(0, 2)).resolve(key).toAbsolutePath(),
        onlyFile().toAbsolutePath());
    store.delete(key);
    store.delete(key);
    assertEquals(0, files());
  }

  @Test
  void aStreamPastTheLimitIsRefusedAndLeavesNothing() throws IOException {
    DiskResourceStore store = new DiskResourceStore(dataDir.toString());
    // An endless stream: the store must stop at the limit rather than read it all.
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'a';
      }
    };
    ResourceStore.TooLarge refused = assertThrows(ResourceStore.TooLarge.class,
        () -> store.put(ResourceStore.newKey(), endless, 100_000));
    assertEquals(100_000, refused.maxBytes());
    assertEquals(0, files());
  }

  @Test
  void onlyGeneratedKeysNameFiles() {
    DiskResourceStore store = new DiskResourceStore(dataDir.toString());
    for (String key : new String[] {"../../keys/jwt-secret", "ABCDEF0123456789abcdef0123456789", "", "a/b"}) {
      assertThrows(IllegalArgumentException.class, () -> store.get(key), key);
      assertThrows(IllegalArgumentException.class,
          () -> store.put(key, new ByteArrayInputStream(new byte[1]), 10), key);
    }
  }

  private Path onlyFile() throws IOException {
    try (Stream<Path> walk = Files.walk(dataDir)) {
      return walk.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
  }

  private long files() throws IOException {
    try (Stream<Path> walk = Files.walk(dataDir)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }
}
