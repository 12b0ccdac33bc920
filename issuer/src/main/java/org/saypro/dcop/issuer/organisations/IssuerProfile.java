package org.saypro.dcop.issuer.organisations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.issuer.keys.PublishedKey;

/**
 * Who an issuer is: the organisation, the DID it issues under (empty when it does not issue) and its keys.
 */
public record IssuerProfile(Organisation organisation, Optional<String> did, List<PublishedKey> keys) {
  public IssuerProfile {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(did, "did");
    keys = List.copyOf(keys);
    if (did.isEmpty() && !keys.isEmpty()) {
      throw new IllegalArgumentException("an organisation that does not issue has no keys");
    }
  }
}
