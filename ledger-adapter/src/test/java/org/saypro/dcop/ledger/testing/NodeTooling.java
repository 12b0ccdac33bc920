package org.saypro.dcop.ledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the ledger-adapter module directory (the one with the pinned {@code package.json}) and runs {@code npm ci}
 * there when its {@code node_modules} is missing, so that tests need no manual step beyond having Node and npm.
 */
public final class NodeTooling {

  private static final String PACKAGE_NAME = "\"name\": \"dcop-ledger-adapter\"";

  private NodeTooling() {}

  /** The ledger-adapter directory, searched from the working directory upwards (also from a sibling module). */
  public static Path moduleDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir, dir.resolve("ledger-adapter"))) {
        Path packageJson = candidate.resolve("package.json");
        if (Files.isRegularFile(packageJson) && read(packageJson).contains(PACKAGE_NAME)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("ledger-adapter/package.json not found above " + Path.of("").toAbsolutePath());
  }

  /**
   * Runs {@code npm ci} in {@link #moduleDir()} unless its packages are installed there already (solc, and on Linux
   * x64 the anvil binary package, an optional dependency).
   */
  public static synchronized Path ensureInstalled() {
    Path dir = moduleDir();
    if (Files.isRegularFile(dir.resolve("node_modules/.package-lock.json"))
        && Files.isRegularFile(dir.resolve("node_modules/solc/package.json"))) {
      return dir;
    }
    run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
    return dir;
  }

  /**
   * Runs {@code command} in {@code dir} and returns its standard output.
   *
   * @throws IllegalStateException when it fails or takes longer than {@code timeoutSeconds}
   */
  public static String run(Path dir, List<String> command, long timeoutSeconds) {
    try {
      Path err = Files.createTempFile("node-tooling-", ".err");
      Path out = Files.createTempFile("node-tooling-", ".out");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command) + " in " + dir + " failed with " + process.exitValue() + ": " + read(err)
                  + read(out));
        }
        return read(out);
      } finally {
        Files.deleteIfExists(err);
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command + " (is Node.js installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
