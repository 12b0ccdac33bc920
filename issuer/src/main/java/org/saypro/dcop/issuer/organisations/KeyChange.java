package org.saypro.dcop.issuer.organisations;

/** The outcome of rotating or revoking an organisation's keys. */
public sealed interface KeyChange {
  record Changed(IssuerProfile profile) implements KeyChange {}

  record NoSuchOrganisation(String slug) implements KeyChange {}

  /** The organisation has not been enabled for issuing, so it has no keys. */
  record NotIssuing(String slug) implements KeyChange {}

  record NoSuchKey(String slug, String keyId) implements KeyChange {}
}
