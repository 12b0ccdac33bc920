package org.saypro.dcop.core.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every JSON-LD context this service accepts, read once from the jar. Its loader answers only these; any other URL
 * fails at once, so no input can make the service fetch a document (no request forgery, no slow lookups).
 */
public final class BundledContexts {

  public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
  public static final String CREDENTIALS_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
  public static final String OPEN_BADGES_3_0_3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  public static final String OPEN_BADGES_3_0_2 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json";
  public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";
  public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
  public static final String DID_V1 = "https://www.w3.org/ns/did/v1";
  public static final String STATUS_LIST_V1 = "https://www.w3.org/ns/credentials/status/v1";

  private static final Map<String, String> FILES =
      Map.of(
          CREDENTIALS_V2, "credentials-v2.jsonld",
          CREDENTIALS_EXAMPLES_V2, "credentials-examples-v2.jsonld",
          OPEN_BADGES_3_0_3, "ob-v3p0-context-3.0.3.json",
          OPEN_BADGES_3_0_2, "ob-v3p0-context-3.0.2.json",
          DATA_INTEGRITY_V2, "data-integrity-v2.jsonld",
          MULTIKEY_V1, "multikey-v1.jsonld",
          DID_V1, "did-v1.jsonld",
          STATUS_LIST_V1, "credentials-status-v1.jsonld");

  private static final BundledContexts INSTANCE = load(Map.of());

  private final Map<URI, JsonDocument> documents;

  private BundledContexts(Map<URI, JsonDocument> documents) {
    this.documents = Map.copyOf(documents);
  }

  public static BundledContexts instance() {
    return INSTANCE;
  }

  /** The bundled contexts plus more from the classpath: for tests that need a specification's extra context. */
  public static BundledContexts withExtra(Map<String, String> urlToResource) {
    return load(urlToResource);
  }

  public static Set<String> urls() {
    return FILES.keySet();
  }

  public static boolean isBundled(String url) {
    return FILES.containsKey(url);
  }

  private static BundledContexts load(Map<String, String> extra) {
    Map<URI, JsonDocument> documents = new HashMap<>();
    FILES.forEach((url, file) -> documents.put(URI.create(url), read("/contexts/" + file)));
    extra.forEach((url, resource) -> documents.put(URI.create(url), read(resource)));
    return new BundledContexts(documents);
  }

  private static JsonDocument read(String resource) {
    try (InputStream in = BundledContexts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled context missing from the jar: " + resource);
      }
      return JsonDocument.of(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JsonLdError e) {
      throw new IllegalStateException("bundled context is not JSON-LD: " + resource, e);
    }
  }

  /** A loader serving only these documents. URIs, not URLs, are compared: URL.equals would resolve host names. */
  public DocumentLoader loader() {
    return (url, options) -> {
      JsonDocument document = documents.get(url);
      if (document == null) {
        throw new JsonLdError(
            JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "context " + url + " is not bundled; contexts are never fetched");
      }
      return document;
    };
  }
}
