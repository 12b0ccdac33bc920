package org.saypro.dcop.community.resources;

import java.util.Locale;

/** A version's review state: draft → submitted → approved (published) or rejected; rejected may be resubmitted. */
public enum VersionState {
  DRAFT, SUBMITTED, APPROVED, REJECTED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static VersionState of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
