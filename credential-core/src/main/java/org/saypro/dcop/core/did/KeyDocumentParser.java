package org.saypro.dcop.core.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.util.List;
import org.saypro.dcop.core.json.Json;

/**
 * Reads a key document served at an http(s) URL, as Open Badges 3.0 allows for verification methods: a
 * {@code Multikey} or {@code JsonWebKey} whose {@code id} is that URL and whose {@code controller} names who holds
 * it. It becomes a one-method document that may assert (never authenticate).
 */
public final class KeyDocumentParser {
  private KeyDocumentParser() {}

  public static DidResolution parse(String url, JsonNode json) {
    if (json == null || !json.isObject()) {
      return new DidResolution.Unresolvable(url, "the key document is not a JSON object");
    }
    if (!url.equals(json.path("id").asText())) {
      return new DidResolution.Unresolvable(url, "the key document describes " + json.path("id").asText() + ", not " + url);
    }
    String controller = json.path("controller").asText("");
    if (controller.isEmpty()) {
      return new DidResolution.Unresolvable(url, "the key document names no controller");
    }
    try {
      JWK key;
      if (json.has("publicKeyJwk")) {
        key = JWK.parse(Json.writeString(json.get("publicKeyJwk")));
      } else if (json.has("publicKeyMultibase")) {
        key = Multikey.toJwk(json.get("publicKeyMultibase").asText());
      } else {
        return new DidResolution.Unresolvable(url, "the key document has no supported public key form");
      }
      VerificationMethod method = new VerificationMethod(url, json.path("type").asText(), controller, key);
      return new DidResolution.Resolved(new DidDocument(url, List.of(method), List.of(url), List.of()));
    } catch (ParseException | IllegalArgumentException e) {
      return new DidResolution.Unresolvable(url, "invalid key document: " + e.getMessage());
    }
  }
}
