package org.saypro.dcop.core.did;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code service} entry of a DID document (DID Core section 5.4): where the subject offers something, such as its
 * transparency log. Only string-valued properties are kept; other entries are ignored by the parser, since services
 * are never needed to check a signature.
 *
 * @param properties further string properties of the entry (beyond id, type and serviceEndpoint)
 */
public record DidService(String id, String type, String serviceEndpoint, Map<String, String> properties) {

  public DidService {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
    properties = Map.copyOf(properties);
    if (id.isBlank() || type.isBlank() || serviceEndpoint.isBlank()) {
      throw new IllegalArgumentException("a service has an id, a type and an endpoint");
    }
  }

  public Optional<String> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }
}
