package org.saypro.dcop.community.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk store: the contract, and where its files lie. */
class DiskResourceStoreTest extends ResourceStoreContract {

  @TempDir Path dataDir;
  private DiskResourceStore store;

  @BeforeEach
  void open() {
    store = new DiskResourceStore(dataDir.toString());
  }

  @Override
  ResourceStore store() {
    return store;
  }

  /** Regular files anywhere under the data directory, temporary ones included. */
  @Override
  long storedObjects() throws IOException {
    try (Stream<Path> walk = Files.walk(dataDir)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void filesLieUnderResourcesFannedOutByTheKeysFirstTwoDigits() throws IOException {
    String key = ResourceStore.newKey();
    store.put(key, new ByteArrayInputStream("hello".getBytes()), 5);
    try (Stream<Path> walk = Files.walk(dataDir)) {
      assertEquals(dataDir.resolve("resources").resolve(key.substring(0, 2)).resolve(key).toAbsolutePath(),
          walk.filter(Files::isRegularFile).findFirst().orElseThrow().toAbsolutePath());
    }
  }
}
