package org.saypro.dcop.core.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
      JsonLdOptions options = new JsonLdOptions(contexts.loader());
      // VC Data Integrity, "securing data losslessly": what JSON-LD would silently drop is not signed and could be
      // changed freely, so an undefined term or a relative IRI is an error, not a loss.
      options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
      JsonArray expanded = JsonLd.expand(json).options(options).get();
      requireAbsoluteIris(expanded);
      JsonLd.toRdf(JsonDocument.of(expanded)).options(options).provide(canon);
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

  private static void requireAbsoluteIris(JsonValue value) throws CanonicalizationException {
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        requireAbsoluteIris(item);
      }
    } else if (value instanceof JsonObject object) {
      for (var entry : object.entrySet()) {
        String key = entry.getKey();
        if (key.equals("@id") || key.equals("@type")) {
          requireAbsolute(key, entry.getValue());
        } else if (!key.startsWith("@") && !isAbsoluteIri(key)) {
          throw new CanonicalizationException("the term '" + key + "' is not defined by any context; it would not be signed");
        }
        if (!key.equals("@value")) {
          requireAbsoluteIris(entry.getValue());
        }
      }
    }
  }

  private static void requireAbsolute(String key, JsonValue value) throws CanonicalizationException {
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        requireAbsolute(key, item);
      }
    } else if (value instanceof JsonString string && !string.getString().startsWith("@")
        && !isAbsoluteIri(string.getString())) {
      throw new CanonicalizationException(
          "'" + string.getString() + "' (" + key + ") is not an absolute IRI nor a defined term; it would not be signed");
    }
  }

  private static boolean isAbsoluteIri(String value) {
    return value.startsWith("_:") || ABSOLUTE_IRI.matcher(value).lookingAt();
  }

  private static final java.util.regex.Pattern ABSOLUTE_IRI = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:");

  private static String describe(JsonLdError error) {
    if (error.getCode() == com.apicatalog.jsonld.JsonLdErrorCode.UNDEFINED_TERM && error.getMessage() != null) {
      java.util.regex.Matcher term = java.util.regex.Pattern.compile("\\[(.*)]").matcher(error.getMessage());
      return "the term '" + (term.find() ? term.group(1) : "?")
          + "' is not defined by any bundled context; it would not be signed";
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("is not bundled")) {
        return t.getMessage();
      }
    }
    return error.getCode() + (error.getMessage() == null ? "" : ": " + error.getMessage());
  }
}
