package org.saypro.dcop.core.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.saypro.dcop.core.json.Json;

/**
 * Reads a DID document received from elsewhere. It must describe the DID that was asked for; keys may be
 * {@code publicKeyJwk} or {@code publicKeyMultibase}; relative ids ({@code #key-1}) are resolved against the DID.
 */
public final class DidDocumentParser {
  private static final int MAX_SERVICES = 20;

  private DidDocumentParser() {}

  public static DidResolution parse(String did, JsonNode json) {
    if (json == null || !json.isObject()) {
      return new DidResolution.Unresolvable(did, "DID document is not a JSON object");
    }
    if (!did.equals(json.path("id").asText())) {
      return new DidResolution.Unresolvable(did, "DID document describes " + json.path("id").asText() + ", not " + did);
    }
    try {
      List<VerificationMethod> methods = new ArrayList<>();
      for (JsonNode node : json.path("verificationMethod")) {
        methods.add(method(did, node));
      }
      List<String> assertion = relationship(did, json.path("assertionMethod"), methods);
      List<String> authentication = relationship(did, json.path("authentication"), methods);
      return new DidResolution.Resolved(new DidDocument(did, methods, assertion, authentication, services(did, json)));
    } catch (IllegalArgumentException | ParseException e) {
      return new DidResolution.Unresolvable(did, "invalid DID document: " + e.getMessage());
    }
  }

  /**
   * Well-formed services with a string endpoint, at most {@value #MAX_SERVICES}; others are skipped rather than
   * failing the document, as no signature depends on them.
   */
  private static List<DidService> services(String did, JsonNode json) {
    List<DidService> services = new ArrayList<>();
    for (JsonNode node : json.path("service")) {
      if (services.size() == MAX_SERVICES) {
        break;
      }
      if (!node.path("id").isTextual() || !node.path("type").isTextual() || !node.path("serviceEndpoint").isTextual()) {
        continue;
      }
      Map<String, String> properties = new HashMap<>();
      node.fields().forEachRemaining(field -> {
        if (field.getValue().isTextual() && !Set.of("id", "type", "serviceEndpoint").contains(field.getKey())) {
          properties.put(field.getKey(), field.getValue().textValue());
        }
      });
      try {
        services.add(
            new DidService(
                absolute(did, node.get("id").textValue()), node.get("type").textValue(),
                node.get("serviceEndpoint").textValue(), properties));
      } catch (IllegalArgumentException blank) {
        // skipped: see above
      }
    }
    return services;
  }

  /** A verification relationship: references to methods, or methods embedded in place. */
  private static List<String> relationship(String did, JsonNode entries, List<VerificationMethod> methods)
      throws ParseException {
    List<String> ids = new ArrayList<>();
    for (JsonNode node : entries) {
      if (node.isTextual()) {
        ids.add(absolute(did, node.textValue()));
      } else if (node.isObject()) {
        VerificationMethod embedded = method(did, node);
        methods.add(embedded);
        ids.add(embedded.id());
      }
    }
    return ids;
  }

  private static VerificationMethod method(String did, JsonNode node) throws ParseException {
    String id = absolute(did, node.path("id").asText());
    String type = node.path("type").asText();
    String controller = node.path("controller").asText(did);
    JWK key;
    if (node.has("publicKeyJwk")) {
      key = JWK.parse(Json.writeString(node.get("publicKeyJwk")));
    } else if (node.has("publicKeyMultibase")) {
      key = Multikey.toJwk(node.get("publicKeyMultibase").asText());
    } else {
      throw new IllegalArgumentException("verification method " + id + " has no supported public key form");
    }
    return new VerificationMethod(id, type, controller, key, revoked(id, node.get("revoked")));
  }

  /**
   * Controlled Identifiers 1.0 {@code revoked}: an xsd:dateTime. An unreadable date is refused rather than ignored,
   * so a revocation can never be lost to a formatting slip.
   */
  private static Optional<Instant> revoked(String id, JsonNode revoked) {
    if (revoked == null || revoked.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(revoked.asText()).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("verification method " + id + " has an unreadable revoked date: "
          + revoked.asText());
    }
  }

  private static String absolute(String did, String id) {
    return id.startsWith("#") ? did + id : id;
  }
}
