package org.saypro.dcop.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Reads and writes JSON. Duplicate keys are rejected (two readers could otherwise see two different
 * credentials in one document) and nesting depth and string lengths are bounded.
 */
public final class Json {

  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper MAPPER = createMapper(false);
  private static final ObjectMapper SORTED = createMapper(true);

  private Json() {}

  private static ObjectMapper createMapper(boolean sortKeys) {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(1_000_000)
                    .maxNumberLength(100)
                    .build())
            .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, sortKeys)
        .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, sortKeys)
        .build();
  }

  /** The shared mapper; callers must not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses UTF-8 JSON text, throwing {@link MalformedJsonException} with a readable message. */
  public static JsonNode parse(byte[] utf8) {
    try {
      JsonNode node = MAPPER.readTree(utf8);
      if (node == null || node.isMissingNode()) {
        throw new MalformedJsonException("empty document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedJsonException(e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  public static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value cannot be written as JSON", e);
    }
  }

  public static String writeString(Object value) {
    return new String(write(value), StandardCharsets.UTF_8);
  }

  /**
   * SHA-256 of the document with object keys sorted: two requests that differ only in key order or
   * white space hash alike. This is for request identity (idempotency), not a signature input.
   */
  public static byte[] sortedSha256(JsonNode node) {
    try {
      Object plain = SORTED.treeToValue(node, Object.class);
      return sha256(SORTED.writeValueAsBytes(plain));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value cannot be written as JSON", e);
    }
  }

  public static byte[] sha256(byte[] data) {
    try {
      return ((MessageDigest) SHA256.clone()).digest(data);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the SHA-256 digest cannot be copied", e);
    }
  }

  /** Copied for each digest: looking the algorithm up among the providers cost a fifth of hashing a credential. */
  private static final MessageDigest SHA256 = sha256Digest();

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
