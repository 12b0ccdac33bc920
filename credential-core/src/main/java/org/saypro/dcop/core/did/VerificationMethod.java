package org.saypro.dcop.core.did;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key a DID controller publishes, always held as a JWK whatever its published form.
 *
 * @param revoked when the controller revoked the key (Controlled Identifiers 1.0 {@code revoked}): a verifier must
 *     no longer accept signatures by it
 */
public record VerificationMethod(String id, String type, String controller, JWK publicKey, Optional<Instant> revoked) {
  public static final String JSON_WEB_KEY = "JsonWebKey";
  public static final String MULTIKEY = "Multikey";

  /** A key in force. */
  public VerificationMethod(String id, String type, String controller, JWK publicKey) {
    this(id, type, controller, publicKey, Optional.empty());
  }

  public VerificationMethod {
    Objects.requireNonNull(revoked, "revoked");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(publicKey, "publicKey");
    boolean didUrl = id != null && id.startsWith("did:") && id.indexOf('#') > 0;
    boolean httpUrl = id != null && (id.startsWith("https://") || id.startsWith("http://"));
    if (!didUrl && !httpUrl) {
      throw new IllegalArgumentException("a verification method id is a DID URL with a fragment or a URL: " + id);
    }
    if (publicKey.isPrivate()) {
      throw new IllegalArgumentException("a verification method must never carry a private key");
    }
  }
}
