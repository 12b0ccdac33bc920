package org.saypro.dcop.accounts.users;

import java.util.Optional;

/**
 * A user's role in one organisation, stored by its label. A user with no membership at all is a learner: that is not
 * a role held in an organisation, so it is not listed here.
 */
public enum Role {
  ORG_ADMIN("org_admin"),
  OFFICER("officer"),
  MEMBER("member"),
  FUNDER_VIEWER("funder_viewer");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Role> fromLabel(String label) {
    for (Role role : values()) {
      if (role.label.equals(label)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
