package org.saypro.dcop.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The browser's download directory. Chrome writes a download into a hidden or {@code .crdownload} file, may reserve
 * the final name with an empty file meanwhile, and renames the finished file over it: a download is complete once
 * its file has its name, nothing is in progress, and the directory has stopped changing.
 */
final class Downloads {

  private final Path dir;

  Downloads(Path dir) {
    this.dir = dir;
  }

  Set<Path> files() {
    return sizes().keySet();
  }

  /** The first complete file that is not among {@code before}. */
  Path awaitNew(Set<Path> before, Duration limit, String what) {
    AtomicReference<Map<Path, Long>> previous = new AtomicReference<>(Map.of());
    AtomicReference<Path> found = new AtomicReference<>();
    Poll.until(() -> {
      Map<Path, Long> now = sizes();
      boolean settled = now.equals(previous.getAndSet(now));
      boolean inProgress = now.keySet().stream().anyMatch(file -> !isComplete(file));
      Optional<Path> fresh =
          now.keySet().stream().filter(file -> !before.contains(file) && isComplete(file)).findFirst();
      fresh.filter(file -> settled && !inProgress).ifPresent(found::set);
      return found.get() != null;
    }, limit, what);
    return found.get();
  }

  private static boolean isComplete(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && !name.endsWith(".crdownload");
  }

  private Map<Path, Long> sizes() {
    Map<Path, Long> sizes = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        try {
          sizes.put(file, Files.size(file));
        } catch (NoSuchFileException renamedMeanwhile) {
          // the next look sees it under its new name
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sizes;
  }
}
