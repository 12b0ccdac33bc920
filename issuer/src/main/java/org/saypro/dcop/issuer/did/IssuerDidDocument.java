package org.saypro.dcop.issuer.did;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.anchor.LedgerContract;
import org.saypro.dcop.core.anchor.TransparencyLogService;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.HostedDidDocuments;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.keys.IssuerKeyRing;

/**
 * The issuer's DID document: its keys and, when its log is anchored, the transparency log service that lets
 * verifiers of other deployments find the log and the anchor contract. Served at {@code /.well-known/did.json} and
 * answered locally to this deployment's own verifier.
 */
@Singleton
public class IssuerDidDocument implements HostedDidDocuments {

  private final DidDocument document;

  IssuerDidDocument(IssuerKeyRing keyRing, IssuerSettings settings, Optional<LedgerContract> anchorContract) {
    DidDocument keys = keyRing.didDocument();
    this.document =
        anchorContract
            .map(contract -> keys.withServices(
                List.of(TransparencyLogService.of(keys.id(), URI.create(settings.baseUrl() + "/log"), contract))))
            .orElse(keys);
  }

  public DidDocument document() {
    return document;
  }

  @Override
  public Optional<DidDocument> find(String did) {
    return document.id().equals(did) ? Optional.of(document) : Optional.empty();
  }
}
