package org.saypro.dcop.core.keys;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.Arrays;
import java.util.Optional;

/** The signature algorithms this service signs with. Ed25519 is the default: faster and deterministic. */
public enum KeyAlgorithm {
  ED25519("Ed25519", JWSAlgorithm.EdDSA),
  P256("P-256", JWSAlgorithm.ES256);

  private final String label;
  private final JWSAlgorithm jwsAlgorithm;

  KeyAlgorithm(String label, JWSAlgorithm jwsAlgorithm) {
    this.label = label;
    this.jwsAlgorithm = jwsAlgorithm;
  }

  /** The name stored in the database and shown to people, e.g. {@code Ed25519}. */
  public String label() {
    return label;
  }

  public JWSAlgorithm jwsAlgorithm() {
    return jwsAlgorithm;
  }

  public static Optional<KeyAlgorithm> fromLabel(String label) {
    return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
  }

  /** Accepts the JOSE names a client may ask for: EdDSA or Ed25519, and ES256. */
  public static Optional<KeyAlgorithm> fromJoseName(String name) {
    if ("EdDSA".equals(name) || "Ed25519".equals(name)) {
      return Optional.of(ED25519);
    }
    if ("ES256".equals(name)) {
      return Optional.of(P256);
    }
    return Optional.empty();
  }
}
