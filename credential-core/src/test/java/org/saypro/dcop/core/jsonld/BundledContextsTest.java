package org.saypro.dcop.core.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saypro.dcop.core.json.Json;

/**
 * The bundled contexts: only they are ever loaded, and each is the exact file {@code contexts/SOURCES.md} lists,
 * so a hand edit of a context (which would silently change every proof over it) is caught.
 */
class BundledContextsTest {

  /** One row of the table in {@code contexts/SOURCES.md}. */
  record Source(String url, String file, String sha256) {
    @Override
    public String toString() {
      return file;
    }
  }

  private static final Pattern DIGEST = Pattern.compile("\\b([0-9a-f]{64})\\b");

  static List<Source> sources() {
    String markdown = new String(resource("/contexts/SOURCES.md"), StandardCharsets.UTF_8);
    List<Source> rows = new ArrayList<>();
    for (String line : markdown.split("\n")) {
      if (!line.startsWith("| http")) {
        continue;
      }
      String[] cells = line.split("\\|");
      // "", url, file, source, sha256 (...), [""]
      assertTrue(cells.length >= 5, "table row with url, file, source and sha256: " + line);
      Matcher digest = DIGEST.matcher(cells[4]);
      assertTrue(digest.find(), "a SHA-256 in the row of " + cells[1].trim());
      rows.add(new Source(cells[1].trim(), cells[2].trim(), digest.group(1)));
    }
    return rows;
  }

  // ---- the loader -------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "https://evil.example/ctx",
      "http://www.w3.org/ns/credentials/v2",
      "https://www.w3.org/ns/credentials/v2/",
      "https://www.w3.org/2018/credentials/v1",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
      "file:///etc/passwd"})
  void loaderRefusesAUrlThatIsNotBundled(String url) {
    DocumentLoader loader = BundledContexts.instance().loader();
    JsonLdError error =
        assertThrows(JsonLdError.class, () -> loader.loadDocument(URI.create(url), new DocumentLoaderOptions()));
    assertEquals(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, error.getCode());
    assertTrue(error.getMessage().contains(url + " is not bundled"), error.getMessage());
  }

  @Test
  void loaderServesEveryBundledUrl() throws JsonLdError {
    DocumentLoader loader = BundledContexts.instance().loader();
    for (String url : BundledContexts.urls()) {
      assertTrue(BundledContexts.isBundled(url));
      Document document = loader.loadDocument(URI.create(url), new DocumentLoaderOptions());
      assertNotNull(document, url);
      assertTrue(((JsonDocument) document).getJsonContent().isPresent(), url);
    }
  }

  @Test
  void canonicalizerReportsAContextThatIsNotBundled() {
    JsonNode document = Json.parse(
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://evil.example/ctx\"],"
            + "\"type\":\"VerifiableCredential\",\"issuer\":\"did:example:issuer\"}");
    CanonicalizationException error =
        assertThrows(CanonicalizationException.class, () -> RdfCanonicalizer.bundled().canonicalize(document));
    assertTrue(error.getMessage().contains("https://evil.example/ctx"), error.getMessage());
    assertTrue(error.getMessage().contains("not bundled"), error.getMessage());
  }

  @Test
  void canonicalizerReportsANestedContextThatIsNotBundled() {
    JsonNode document = Json.parse(
        "{\"@context\":\"https://www.w3.org/ns/credentials/v2\",\"type\":\"VerifiableCredential\","
            + "\"credentialSubject\":{\"@context\":\"https://evil.example/nested\",\"name\":\"x\"}}");
    CanonicalizationException error =
        assertThrows(CanonicalizationException.class, () -> RdfCanonicalizer.bundled().canonicalize(document));
    assertTrue(error.getMessage().contains("https://evil.example/nested is not bundled"), error.getMessage());
  }

  // ---- the files are the ones SOURCES.md lists -------------------------------------------------------------------

  @Test
  void sourcesTableListsExactlyTheBundledUrls() {
    Set<String> listed = sources().stream().map(Source::url).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(BundledContexts.urls()), listed);
    assertEquals(sources().size(), listed.size(), "no URL listed twice");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void bundledFileHasTheListedDigest(Source source) {
    assertEquals(source.sha256(), sha256Hex(resource("/contexts/" + source.file())),
        source.file() + " differs from the file SOURCES.md lists for " + source.url());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void loaderServesTheListedFileForItsUrl(Source source) throws JsonLdError {
    Document served = BundledContexts.instance().loader().loadDocument(URI.create(source.url()), new DocumentLoaderOptions());
    JsonDocument file = JsonDocument.of(new ByteArrayInputStream(resource("/contexts/" + source.file())));
    assertEquals(file.getJsonContent().orElseThrow(), ((JsonDocument) served).getJsonContent().orElseThrow(),
        source.url() + " is not served from " + source.file());
  }

  @Test
  void everyContextFileIsListed() throws IOException, URISyntaxException {
    Set<String> listed = sources().stream().map(Source::file).collect(Collectors.toSet());
    Path dir = Paths.get(BundledContextsTest.class.getResource("/contexts").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      for (String file : files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".md")).toList()) {
        assertTrue(listed.contains(file), file + " is bundled but not listed in SOURCES.md");
      }
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  private static byte[] resource(String name) {
    try (InputStream in = BundledContextsTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
