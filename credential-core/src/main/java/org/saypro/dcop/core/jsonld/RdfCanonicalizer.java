package org.saypro.dcop.core.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import org.saypro.dcop.core.json.Json;

/**
 * JSON-LD document to canonical N-Quads (RDFC-1.0 with SHA-256): expansion with only the bundled contexts, then
 * canonicalization under a time limit, because crafted graphs can make blank-node labelling exponentially slow.
 */
public final class RdfCanonicalizer {

  private final BundledContexts contexts;
  private final long timeLimitMillis;

  public RdfCanonicalizer(BundledContexts contexts, long timeLimitMillis) {
    this.contexts = contexts;
    this.timeLimitMillis = timeLimitMillis;
  }

  public static RdfCanonicalizer bundled() {
    return new RdfCanonicalizer(BundledContexts.instance(), 1_000);
  }

  public String canonicalize(JsonNode document) throws CanonicalizationException {
    try {
      JsonDocument json = JsonDocument.of(new ByteArrayInputStream(Json.write(document)));
      RdfCanon canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(timeLimitMillis));
      JsonLd.toRdf(json).loader(contexts.loader()).provide(canon);
      StringWriter out = new StringWriter();
      canon.provide(new NQuadsWriter(out));
      return out.toString();
    } catch (JsonLdError e) {
      throw new CanonicalizationException("JSON-LD: " + describe(e));
    } catch (RdfConsumerException e) {
      throw new CanonicalizationException("canonicalization failed: " + e.getMessage());
    } catch (IllegalStateException e) {
      // RdfCanonTimeTicker signals the time limit this way
      throw new CanonicalizationException("canonicalization took longer than " + timeLimitMillis + " ms");
    }
  }

  private static String describe(JsonLdError error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("is not bundled")) {
        return t.getMessage();
      }
    }
    return error.getCode() + (error.getMessage() == null ? "" : ": " + error.getMessage());
  }
}
