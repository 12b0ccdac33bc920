package org.saypro.dcop.issuer.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;

/** A credential's current status, as this issuer holds it. */
public record CredentialStatusView(
    UUID credential,
    boolean revoked,
    Optional<Instant> revokedAt,
    boolean suspendable,
    boolean suspended,
    Optional<Instant> suspendedAt) {

  /** {@code active}, {@code suspended} or {@code revoked}. */
  public String state() {
    return revoked ? "revoked" : suspended ? "suspended" : "active";
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.newObject().put("credential", credential.toString()).put("status", state());
    json.put("revoked", revoked);
    revokedAt.filter(t -> revoked).ifPresent(t -> json.put("revokedAt", t.toString()));
    json.put("suspendable", suspendable);
    json.put("suspended", suspended);
    suspendedAt.filter(t -> suspended).ifPresent(t -> json.put("suspendedAt", t.toString()));
    return json;
  }
}
