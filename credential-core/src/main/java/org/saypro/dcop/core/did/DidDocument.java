package org.saypro.dcop.core.did;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.json.Json;

/**
 * The parts of a DID document (or of a key document at an https URL, which is its own single method) that
 * verification needs: keys, and which of them may assert credentials or authenticate.
 */
public record DidDocument(
    String id,
    List<VerificationMethod> verificationMethods,
    List<String> assertionMethods,
    List<String> authentication,
    List<DidService> services) {

  public static final List<String> CONTEXTS =
      List.of(
          "https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1", "https://w3id.org/security/multikey/v1");

  public DidDocument {
    verificationMethods = List.copyOf(verificationMethods);
    assertionMethods = List.copyOf(assertionMethods);
    authentication = List.copyOf(authentication);
    services = List.copyOf(services);
    if (id == null || !(id.startsWith("did:") || id.startsWith("https://") || id.startsWith("http://"))) {
      throw new IllegalArgumentException("a controller document's id is a DID or an http(s) URL: " + id);
    }
    for (VerificationMethod method : verificationMethods) {
      if (!method.id().startsWith(id + "#") && !method.id().equals(id)) {
        throw new IllegalArgumentException("verification method " + method.id() + " is not under " + id);
      }
    }
  }

  /** A document without services. */
  public DidDocument(
      String id, List<VerificationMethod> verificationMethods, List<String> assertionMethods, List<String> authentication) {
    this(id, verificationMethods, assertionMethods, authentication, List.of());
  }

  /** A document whose keys may assert credentials but not authenticate (an issuer's). */
  public DidDocument(String id, List<VerificationMethod> verificationMethods, List<String> assertionMethods) {
    this(id, verificationMethods, assertionMethods, List.of());
  }

  /** The same document, offering these services. */
  public DidDocument withServices(List<DidService> offered) {
    return new DidDocument(id, verificationMethods, assertionMethods, authentication, offered);
  }

  /** The first service of this type. */
  public Optional<DidService> service(String type) {
    return services.stream().filter(s -> s.type().equals(type)).findFirst();
  }

  public boolean mayAuthenticate(String verificationMethodId) {
    return authentication.contains(verificationMethodId);
  }

  public Optional<VerificationMethod> method(String verificationMethodId) {
    return verificationMethods.stream().filter(m -> m.id().equals(verificationMethodId)).findFirst();
  }

  public boolean mayAssert(String verificationMethodId) {
    return assertionMethods.contains(verificationMethodId);
  }

  /**
   * The document as served at {@code /.well-known/did.json}: {@code JsonWebKey} methods with {@code publicKeyJwk}
   * (for JOSE), {@code Multikey} methods with {@code publicKeyMultibase} (for Data Integrity).
   */
  public ObjectNode toJson() {
    ObjectNode json = Json.newObject();
    ArrayNode contexts = json.putArray("@context");
    CONTEXTS.forEach(contexts::add);
    json.put("id", id);
    ArrayNode methods = json.putArray("verificationMethod");
    for (VerificationMethod method : verificationMethods) {
      ObjectNode node = methods.addObject();
      node.put("id", method.id());
      node.put("type", method.type());
      node.put("controller", method.controller());
      if (VerificationMethod.MULTIKEY.equals(method.type())) {
        node.put("publicKeyMultibase", Multikey.encode(method.publicKey()));
      } else {
        node.set("publicKeyJwk", Json.mapper().valueToTree(method.publicKey().toPublicJWK().toJSONObject()));
      }
      method.revoked().ifPresent(at -> node.put("revoked", at.toString()));
    }
    ArrayNode assertion = json.putArray("assertionMethod");
    assertionMethods.forEach(assertion::add);
    if (!authentication.isEmpty()) {
      ArrayNode authenticate = json.putArray("authentication");
      authentication.forEach(authenticate::add);
    }
    if (!services.isEmpty()) {
      ArrayNode offered = json.putArray("service");
      for (DidService service : services) {
        ObjectNode node = offered.addObject();
        node.put("id", service.id()).put("type", service.type()).put("serviceEndpoint", service.serviceEndpoint());
        new java.util.TreeMap<>(service.properties()).forEach(node::put);
      }
    }
    return json;
  }
}
