package org.saypro.dcop.issuer.keys;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.core.did.DidWeb;
import org.saypro.dcop.issuer.config.IssuerSettings;

/**
 * The did:web DIDs this deployment can host, derived from its public URL: the service's own ({@code did:web:<host>},
 * SayPro's) and one per organisation ({@code did:web:<host>:issuers:<slug>}, whose document did:web places at
 * {@code /issuers/<slug>/did.json}). Pure naming: whether an organisation issues is the database's business.
 */
@Singleton
public class HostedIssuerDids {

  private final String serviceDid;
  private final String organisationPrefix;
  private final IssuerSettings settings;

  HostedIssuerDids(IssuerSettings settings) {
    this.settings = settings;
    this.serviceDid = DidWeb.fromUrl(settings.publicUrl());
    this.organisationPrefix = serviceDid + ":issuers:";
  }

  public String serviceDid() {
    return serviceDid;
  }

  public String organisationDid(String slug) {
    if (!Organisation.isSlug(slug)) {
      throw new IllegalArgumentException("not an organisation slug: " + slug);
    }
    return DidWeb.fromUrl(URI.create(settings.baseUrl() + "/issuers/" + slug));
  }

  /** The slug whose DID this is, when it is an organisation DID of this deployment. */
  public Optional<String> slugOf(String did) {
    if (did == null || !did.startsWith(organisationPrefix)) {
      return Optional.empty();
    }
    String slug = did.substring(organisationPrefix.length());
    return Organisation.isSlug(slug) ? Optional.of(slug) : Optional.empty();
  }

  /** Whether the DID is one this deployment would host (the service's or an organisation's). */
  public boolean isHostedForm(String did) {
    return serviceDid.equals(did) || slugOf(did).isPresent();
  }
}
