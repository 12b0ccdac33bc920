package org.saypro.dcop.community.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files under {@code <data-dir>/resources/<first two digits of the key>/<key>}: the fan-out keeps directories
 * small. A put writes a temporary file beside the target and moves it into place, so a reader never sees half a
 * file and a refused upload leaves nothing behind.
 */
public final class DiskResourceStore implements ResourceStore {

  private final Path root;

  DiskResourceStore(String dataDir) {
    this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("resources");
  }

  @Override
  public long put(String key, InputStream content, long maxBytes) throws IOException {
    Path target = path(key);
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), key, ".part");
    try {
      long written = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(temporary)) {
        for (int n; (n = content.read(buffer)) > 0; ) {
          written += n;
          if (written > maxBytes) {
            throw new TooLarge(maxBytes);
          }
          out.write(buffer, 0, n);
        }
      }
      // Keys are 128 random bits, so the target never exists already; the rename makes the file appear whole.
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      return written;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public InputStream get(String key) throws IOException {
    return Files.newInputStream(path(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(path(key));
  }

  private Path path(String key) {
    ResourceStore.checkKey(key);
    return root.resolve(key.substring(0, 2)).resolve(key);
  }
}
