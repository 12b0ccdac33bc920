package org.saypro.dcop.accounts.organisations;

import java.util.Optional;

/** What an organisation is in the community; stored by its label. */
public enum OrganisationKind {
  SAYPRO("saypro"),
  ACCREDITATION_BODY("accreditation_body"),
  COLLEGE("college"),
  EMPLOYER("employer"),
  FUNDER("funder"),
  COMMUNITY("community");

  private final String label;

  OrganisationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<OrganisationKind> fromLabel(String label) {
    for (OrganisationKind kind : values()) {
      if (kind.label.equals(label)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
