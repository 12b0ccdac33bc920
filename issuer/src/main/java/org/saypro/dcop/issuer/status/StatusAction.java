package org.saypro.dcop.issuer.status;

import java.util.Optional;

/** What an officer may do to a credential's status. Revocation is final; a suspension can be lifted. */
public enum StatusAction {
  REVOKE("revoke", StatusListId.Purpose.REVOCATION, true),
  SUSPEND("suspend", StatusListId.Purpose.SUSPENSION, true),
  REINSTATE("reinstate", StatusListId.Purpose.SUSPENSION, false);

  private final String label;
  private final StatusListId.Purpose purpose;
  private final boolean sets;

  StatusAction(String label, StatusListId.Purpose purpose, boolean sets) {
    this.label = label;
    this.purpose = purpose;
    this.sets = sets;
  }

  public String label() {
    return label;
  }

  /** The list whose bit the action changes. */
  public StatusListId.Purpose purpose() {
    return purpose;
  }

  /** The bit's new value. */
  public boolean sets() {
    return sets;
  }

  public static Optional<StatusAction> fromLabel(String label) {
    for (StatusAction action : values()) {
      if (action.label.equals(label)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
