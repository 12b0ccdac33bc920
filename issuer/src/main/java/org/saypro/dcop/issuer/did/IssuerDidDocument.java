package org.saypro.dcop.issuer.did;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.anchor.LedgerContract;
import org.saypro.dcop.core.anchor.TransparencyLogService;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.HostedDidDocuments;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.keys.HostedIssuerDids;
import org.saypro.dcop.issuer.keys.IssuerKeys;

/**
 * The DID documents of the issuers hosted here (the service's and each issuing organisation's): their keys and,
 * when the log is anchored, the transparency log service that lets verifiers of other deployments find the log and
 * the anchor contract. One log serves the whole deployment, so every document names the same one. Built from the
 * database on every call, so a rotation or revocation is published at once. Answered locally to this deployment's
 * own verifier.
 */
@Singleton
public class IssuerDidDocument implements HostedDidDocuments {

  private final HostedIssuerDids dids;
  private final IssuerKeys keys;
  private final IssuerSettings settings;
  private final Optional<LedgerContract> anchorContract;

  IssuerDidDocument(
      HostedIssuerDids dids, IssuerKeys keys, IssuerSettings settings, Optional<LedgerContract> anchorContract) {
    this.dids = dids;
    this.keys = keys;
    this.settings = settings;
    this.anchorContract = anchorContract;
  }

  /** The service's own document, served at {@code /.well-known/did.json}. */
  @Transactional
  public DidDocument document() {
    return find(dids.serviceDid()).orElseThrow(() -> new IllegalStateException("the service DID has no keys"));
  }

  @Override
  @Transactional
  public Optional<DidDocument> find(String did) {
    if (!dids.isHostedForm(did)) {
      return Optional.empty();
    }
    return keys.document(did).map(document -> anchorContract
        .map(contract -> document.withServices(
            List.of(TransparencyLogService.of(document.id(), URI.create(settings.baseUrl() + "/log"), contract))))
        .orElse(document));
  }
}
