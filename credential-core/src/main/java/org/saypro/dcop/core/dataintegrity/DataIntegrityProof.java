package org.saypro.dcop.core.dataintegrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.did.Multibase;
import org.saypro.dcop.core.validation.FieldError;

/** A {@code DataIntegrityProof} as read from a document: what it claims, and its signature bytes. */
public record DataIntegrityProof(
    Cryptosuite cryptosuite,
    String verificationMethod,
    String proofPurpose,
    Optional<Instant> created,
    Optional<Instant> expires,
    Optional<String> challenge,
    Optional<String> domain,
    byte[] signature,
    ObjectNode json) {

  public static final String TYPE = "DataIntegrityProof";

  public DataIntegrityProof {
    Objects.requireNonNull(cryptosuite, "cryptosuite");
    Objects.requireNonNull(verificationMethod, "verificationMethod");
    Objects.requireNonNull(proofPurpose, "proofPurpose");
    Objects.requireNonNull(json, "json");
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The proof without its value: what was signed, together with the document's context. */
  public ObjectNode configuration() {
    ObjectNode config = json.deepCopy();
    config.remove("proofValue");
    return config;
  }

  /** Reads a proof object; errors point into it (relative pointers). */
  public static Parsed parse(JsonNode node) {
    List<FieldError> errors = new ArrayList<>();
    if (node == null || !node.isObject()) {
      return new Parsed(Optional.empty(), List.of(new FieldError("", "a proof must be an object")));
    }
    if (!TYPE.equals(node.path("type").asText())) {
      errors.add(new FieldError("/type", "must be " + TYPE));
    }
    Optional<Cryptosuite> suite = Cryptosuite.fromId(node.path("cryptosuite").asText());
    if (suite.isEmpty()) {
      errors.add(new FieldError("/cryptosuite", "must be eddsa-rdfc-2022 or ecdsa-rdfc-2019"));
    }
    String method = node.path("verificationMethod").asText("");
    if (method.isEmpty()) {
      errors.add(new FieldError("/verificationMethod", "is required"));
    }
    String purpose = node.path("proofPurpose").asText("");
    if (purpose.isEmpty()) {
      errors.add(new FieldError("/proofPurpose", "is required"));
    }
    byte[] signature = new byte[0];
    try {
      signature = Multibase.decodeBase58Btc(node.path("proofValue").asText(""));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("/proofValue", "must be a base58btc multibase value"));
    }
    Optional<Instant> created = instant(node, "created", errors);
    Optional<Instant> expires = instant(node, "expires", errors);
    Optional<String> challenge = text(node, "challenge", errors);
    Optional<String> domain = text(node, "domain", errors);
    if (!errors.isEmpty()) {
      return new Parsed(Optional.empty(), errors);
    }
    return new Parsed(
        Optional.of(
            new DataIntegrityProof(
                suite.get(), method, purpose, created, expires, challenge, domain, signature,
                (ObjectNode) node.deepCopy())),
        List.of());
  }

  private static Optional<Instant> instant(JsonNode node, String field, List<FieldError> errors) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("/" + field, "must be a date-time with a time zone"));
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonNode node, String field, List<FieldError> errors) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      errors.add(new FieldError("/" + field, "must be a string"));
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }

  /** A proof, or why it could not be read. */
  public record Parsed(Optional<DataIntegrityProof> proof, List<FieldError> errors) {
    public Parsed {
      errors = List.copyOf(errors);
    }
  }
}
