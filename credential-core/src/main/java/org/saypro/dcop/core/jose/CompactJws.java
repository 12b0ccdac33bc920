package org.saypro.dcop.core.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.json.MalformedJsonException;

/**
 * A compact JWS split into its parts. Parsing is ours rather than Nimbus's so that hostile headers
 * ({@code alg: none}, HMAC algorithms) come back as data to be judged, not exceptions. The payload is kept as bytes:
 * a signature can be checked even when the payload is not valid JSON.
 */
public record CompactJws(ObjectNode header, byte[] payload, byte[] signature, byte[] signingInput) {

  /** Compact serialisations larger than this are refused before decoding. */
  public static final int MAX_LENGTH = 512 * 1024;

  public CompactJws {
    if (header == null || payload == null || signature == null || signingInput == null) {
      throw new IllegalArgumentException("every part of a JWS is required");
    }
  }

  /** Parses {@code header.payload.signature}; empty with a reason when it is not a compact JWS. */
  public static Parsed parse(String compact) {
    if (compact == null || compact.isEmpty()) {
      return new Parsed.Malformed("empty token");
    }
    if (compact.length() > MAX_LENGTH) {
      return new Parsed.Malformed("token longer than " + MAX_LENGTH + " characters");
    }
    int first = compact.indexOf('.');
    int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
    if (first < 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
      return new Parsed.Malformed("a compact JWS has exactly three dot-separated parts");
    }
    Base64.Decoder decoder = Base64.getUrlDecoder();
    byte[] headerBytes;
    byte[] payload;
    byte[] signature;
    try {
      headerBytes = decoder.decode(compact.substring(0, first));
      payload = decoder.decode(compact.substring(first + 1, second));
      signature = decoder.decode(compact.substring(second + 1));
    } catch (IllegalArgumentException e) {
      return new Parsed.Malformed("a part is not base64url");
    }
    JsonNode header;
    try {
      header = Json.parse(headerBytes);
    } catch (MalformedJsonException e) {
      return new Parsed.Malformed("the protected header is not JSON");
    }
    if (!header.isObject()) {
      return new Parsed.Malformed("the protected header is not a JSON object");
    }
    byte[] signingInput = compact.substring(0, second).getBytes(StandardCharsets.US_ASCII);
    return new Parsed.Jws(new CompactJws((ObjectNode) header, payload, signature, signingInput));
  }

  public Optional<String> headerString(String name) {
    JsonNode value = header.get(name);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }

  /** The outcome of parsing: a JWS, or why the text is not one. */
  public sealed interface Parsed {
    record Jws(CompactJws jws) implements Parsed {}

    record Malformed(String reason) implements Parsed {}
  }
}
