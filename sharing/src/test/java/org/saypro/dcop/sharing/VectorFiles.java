package org.saypro.dcop.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.saypro.dcop.core.json.Json;

/**
 * The vector files of one topic under {@code src/test/resources/vectors}: cases named {@code <case>.<good|bad>.<ext>}
 * and, beside them, {@code expected.json} saying what each case gives.
 */
public final class VectorFiles {

  private final String topic;

  public VectorFiles(String topic) {
    this.topic = topic;
  }

  /** Writes a generator's files, from the repository root, the module directory, or into {@code args[0]}. */
  public void write(String[] args, Map<String, byte[]> files) throws IOException {
    Path resources = Paths.get("src", "test", "resources", "vectors", topic);
    Path dir = args.length > 0 ? Paths.get(args[0])
        : Files.isDirectory(Paths.get("sharing", "src")) ? Paths.get("sharing").resolve(resources) : resources;
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
    System.out.println("wrote " + files.size() + " files to " + dir.toAbsolutePath());
  }

  public Path dir() {
    try {
      return Paths.get(VectorFiles.class.getResource("/vectors/" + topic).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The case files, sorted by name. */
  public List<Path> cases() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.getFileName().toString().matches(".+\\.(good|bad)\\.[a-z]+")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code expected.json} says of one case. */
  public JsonNode expected(Path file) {
    return expected().get(file.getFileName().toString());
  }

  /** Fails unless {@code expected.json} names exactly the files beside it. */
  public void assertEveryCaseExpected() {
    Set<String> files;
    try (Stream<Path> listing = Files.list(dir())) {
      files = listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.json"))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> named = new TreeSet<>();
    expected().fieldNames().forEachRemaining(named::add);
    assertEquals(named, files, "expected.json and the vector files of " + topic);
  }

  private JsonNode expected() {
    try {
      return Json.parse(Files.readAllBytes(dir().resolve("expected.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
