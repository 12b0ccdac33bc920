package org.saypro.dcop.issuer.keys;

import java.util.Optional;

/** Where a key is in its life: it signs (active), was replaced (retired) or must no longer be trusted (revoked). */
public enum KeyState {
  ACTIVE("active"),
  RETIRED("retired"),
  REVOKED("revoked");

  private final String label;

  KeyState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<KeyState> fromLabel(String label) {
    for (KeyState state : values()) {
      if (state.label.equals(label)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
