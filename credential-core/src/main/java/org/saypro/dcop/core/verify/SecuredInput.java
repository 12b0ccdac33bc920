package org.saypro.dcop.core.verify;

import com.fasterxml.jackson.databind.JsonNode;

/** A credential as received for verification, by the way it is secured. */
public sealed interface SecuredInput {

  String ENVELOPED_TYPE = "EnvelopedVerifiableCredential";
  String VC_JWT_DATA_PREFIX = "data:application/vc+jwt,";

  /** A VC-JOSE-COSE compact JWS, from a string, a data: URL or an EnvelopedVerifiableCredential. */
  record VcJwt(String compact) implements SecuredInput {}

  /** A credential with an embedded Data Integrity proof. */
  record DataIntegrity(JsonNode credential) implements SecuredInput {}

  /** A credential with no securing mechanism at all. */
  record Unsecured(JsonNode credential) implements SecuredInput {}

  /** Classifies input; empty when it is not a credential in any form this service reads. */
  static java.util.Optional<SecuredInput> classify(JsonNode input) {
    if (input == null) {
      return java.util.Optional.empty();
    }
    if (input.isTextual()) {
      String text = input.textValue().strip();
      if (text.startsWith(VC_JWT_DATA_PREFIX)) {
        text = text.substring(VC_JWT_DATA_PREFIX.length());
      }
      return text.chars().filter(c -> c == '.').count() == 2
          ? java.util.Optional.of(new VcJwt(text))
          : java.util.Optional.empty();
    }
    if (!input.isObject()) {
      return java.util.Optional.empty();
    }
    JsonNode id = input.get("id");
    if (hasType(input, ENVELOPED_TYPE)) {
      if (id != null && id.isTextual() && id.textValue().startsWith(VC_JWT_DATA_PREFIX)) {
        return java.util.Optional.of(new VcJwt(id.textValue().substring(VC_JWT_DATA_PREFIX.length())));
      }
      return java.util.Optional.empty();
    }
    if (!input.has("@context") && !input.has("type") && !input.has("credentialSubject")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(input.has("proof") ? new DataIntegrity(input) : new Unsecured(input));
  }

  private static boolean hasType(JsonNode node, String type) {
    JsonNode types = node.get("type");
    if (types == null) {
      return false;
    }
    if (types.isTextual()) {
      return type.equals(types.textValue());
    }
    for (JsonNode t : types) {
      if (type.equals(t.asText())) {
        return true;
      }
    }
    return false;
  }
}
