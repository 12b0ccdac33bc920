package org.saypro.dcop.issuer.organisations;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.issuer.keys.HostedIssuerDids;
import org.saypro.dcop.issuer.keys.IssuerKeys;
import org.saypro.dcop.issuer.status.PublishStatusList;
import org.saypro.dcop.issuer.status.StatusListId;

/**
 * Organisations as issuers: enabling one gives it its own did:web DID and keys; its keys can then be rotated (new
 * keys sign, old ones stay published) and revoked (published as revoked, so verifiers refuse what they signed).
 * SayPro keeps the service's own DID. Authorisation is the caller's business (see the controller).
 */
@Singleton
public class OrganisationIssuing {

  private final OrganisationStore organisations;
  private final HostedIssuerDids dids;
  private final IssuerKeys keys;
  private final PublishStatusList publish;
  private final AuditLog audit;

  OrganisationIssuing(
      OrganisationStore organisations, HostedIssuerDids dids, IssuerKeys keys, PublishStatusList publish,
      AuditLog audit) {
    this.organisations = organisations;
    this.dids = dids;
    this.keys = keys;
    this.publish = publish;
    this.audit = audit;
  }

  /** The organisation's public profile; empty when there is no such organisation. */
  @Transactional
  public Optional<IssuerProfile> profile(String slug) {
    return organisation(slug).map(this::profile);
  }

  /**
   * Makes the organisation an issuer: its DID ({@code did:web:<host>:issuers:<slug>}) and keys. Idempotent: a second
   * call changes nothing. Empty when there is no such organisation.
   */
  @Transactional
  public Optional<IssuerProfile> enableIssuing(String slug, String actor) {
    Optional<Organisation> found = organisation(slug);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Organisation organisation = found.get();
    String did = organisation.issuerDid().orElseGet(() -> dids.organisationDid(slug));
    if (organisation.issuerDid().isEmpty()) {
      organisations.setIssuerDid(organisation.id(), did);
      audit.record(actor, Optional.of(organisation.id()), "issuing.enabled", Optional.of(did),
          AuditEvent.Outcome.SUCCESS, Json.newObject());
    }
    keys.ensureActive(did);
    return organisation(slug).map(this::profile);
  }

  @Transactional
  public KeyChange rotate(String slug, String actor) {
    Optional<Organisation> found = organisation(slug);
    if (found.isEmpty()) {
      return new KeyChange.NoSuchOrganisation(slug);
    }
    Optional<String> did = issuingDid(found.get());
    if (did.isEmpty()) {
      return new KeyChange.NotIssuing(slug);
    }
    keys.rotate(did.get());
    audit.record(actor, Optional.of(found.get().id()), "key.rotated", did, AuditEvent.Outcome.SUCCESS,
        Json.newObject());
    return new KeyChange.Changed(profile(found.get()));
  }

  /**
   * Revokes one key as of {@code at}. The owner's status lists are rebuilt with the current keys, since a list
   * signed by a revoked key would fail every credential's status check.
   */
  @Transactional
  public KeyChange revoke(String slug, String keyId, Instant at, String actor) {
    Optional<Organisation> found = organisation(slug);
    if (found.isEmpty()) {
      return new KeyChange.NoSuchOrganisation(slug);
    }
    Optional<String> did = issuingDid(found.get());
    if (did.isEmpty()) {
      return new KeyChange.NotIssuing(slug);
    }
    if (keys.revoke(did.get(), keyId, at).isEmpty()) {
      return new KeyChange.NoSuchKey(slug, keyId);
    }
    publish.rebuildAll(did.get().equals(dids.serviceDid()) ? StatusListId.SERVICE : slug);
    audit.record(actor, Optional.of(found.get().id()), "key.revoked", Optional.of(did.get() + "#" + keyId),
        AuditEvent.Outcome.SUCCESS, Json.newObject().put("revoked", at.toString()));
    return new KeyChange.Changed(profile(found.get()));
  }

  private Optional<Organisation> organisation(String slug) {
    return Organisation.isSlug(slug) ? organisations.bySlug(slug) : Optional.empty();
  }

  /** The DID the organisation issues under, when it has keys here. */
  private Optional<String> issuingDid(Organisation organisation) {
    return organisation.issuerDid().filter(did -> !keys.published(did).isEmpty());
  }

  private IssuerProfile profile(Organisation organisation) {
    List<org.saypro.dcop.issuer.keys.PublishedKey> published =
        organisation.issuerDid().map(keys::published).orElse(List.of());
    return new IssuerProfile(organisation, organisation.issuerDid(), published);
  }
}
