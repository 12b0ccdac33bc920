package org.saypro.dcop.sharing.web;

import java.util.Arrays;
import java.util.Optional;

/** What a credential's public page shows, as its holder chose. */
public enum Visibility {
  /** Everything in the credential, with the verification result. */
  PUBLIC("public"),
  /** Only that a credential exists and whether it verifies: for someone who has the link. */
  EXISTS_ONLY("exists-only"),
  /** Nothing: the page answers as if there were no such credential. */
  HIDDEN("hidden");

  private final String label;

  Visibility(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Visibility> fromLabel(String label) {
    return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst();
  }
}
