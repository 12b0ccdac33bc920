package org.saypro.dcop.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Stream;

/** Writes a generator's vector files: the one way every vector generator replaces its committed files. */
public final class VectorFiles {
  private VectorFiles() {}

  /**
   * Replaces the generated files (names ending in {@code generatedSuffix}) under {@code vectors/<topic>} of the test
   * resources, found from the repository root or the module directory, or in {@code args[0]} when given.
   */
  public static void replace(String topic, String[] args, String generatedSuffix, Map<String, String> files)
      throws IOException {
    Path resources = Paths.get("src", "test", "resources", "vectors").resolve(topic);
    Path dir =
        args.length > 0 ? Paths.get(args[0])
            : Files.isDirectory(Paths.get("credential-core", "src", "test")) ? Paths.get("credential-core").resolve(resources)
            : resources;
    Files.createDirectories(dir);
    try (Stream<Path> old = Files.list(dir)) {
      for (Path file : old.filter(p -> p.getFileName().toString().endsWith(generatedSuffix)).toList()) {
        Files.delete(file);
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
    System.out.println("wrote " + files.size() + " files to " + dir.toAbsolutePath());
  }
}
