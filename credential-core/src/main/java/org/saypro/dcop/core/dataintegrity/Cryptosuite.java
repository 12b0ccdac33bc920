package org.saypro.dcop.core.dataintegrity;

import java.util.Arrays;
import java.util.Optional;
import org.saypro.dcop.core.keys.KeyAlgorithm;

/** The Data Integrity cryptosuites this service signs and verifies, each tied to one key type. */
public enum Cryptosuite {
  EDDSA_RDFC_2022("eddsa-rdfc-2022", KeyAlgorithm.ED25519),
  ECDSA_RDFC_2019("ecdsa-rdfc-2019", KeyAlgorithm.P256);

  private final String id;
  private final KeyAlgorithm keyAlgorithm;

  Cryptosuite(String id, KeyAlgorithm keyAlgorithm) {
    this.id = id;
    this.keyAlgorithm = keyAlgorithm;
  }

  public String id() {
    return id;
  }

  public KeyAlgorithm keyAlgorithm() {
    return keyAlgorithm;
  }

  public static Optional<Cryptosuite> fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }
}
