package org.saypro.dcop.verifier.anchor;

import java.net.URI;
import java.util.Optional;
import org.saypro.dcop.core.anchor.HostedLogEvidence.Evidence;
import org.saypro.dcop.core.anchor.LedgerContract;
import org.saypro.dcop.core.anchor.LogEvidenceJson;
import org.saypro.dcop.core.anchor.TransparencyLogService;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.DidService;
import org.saypro.dcop.core.did.DidWeb;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.verifier.did.GuardedHttpClient;

/**
 * Asks an issuer's own transparency log, found through the {@value TransparencyLogService#TYPE} service of its
 * did:web document, what it knows of a credential. The log must live on the DID's own origin: the verifier only
 * fetches from where the issuer's identity already points, through the guarded client (public https hosts, bounded
 * time and size). Nothing the log says is trusted: the caller checks every proof against the ledger.
 */
public final class IssuerLogEvidence {

  /** What the issuer's log said. */
  public sealed interface Answer {
    record Found(URI log, LedgerContract contract, Evidence evidence) implements Answer {}

    /** The log answered that it holds no such entry. */
    record NotInLog(URI log) implements Answer {}

    /** The issuer offers no usable log, or it could not be asked: nothing can be concluded. */
    record Unavailable(String reason) implements Answer {}

    /** The log answered with something that is not evidence. */
    record Malformed(URI log, String reason) implements Answer {}
  }

  private final ResolveDid resolveDid;
  private final GuardedHttpClient http;

  public IssuerLogEvidence(ResolveDid resolveDid, GuardedHttpClient http) {
    this.resolveDid = resolveDid;
    this.http = http;
  }

  public Answer ask(String issuerDid, byte[] securedFormSha256) {
    if (!issuerDid.startsWith("did:web:")) {
      return new Answer.Unavailable("the issuer " + issuerDid + " is not a did:web, so it publishes no transparency log");
    }
    DidResolution resolution = resolveDid.resolve(issuerDid);
    if (!(resolution instanceof DidResolution.Resolved resolved)) {
      return new Answer.Unavailable("the issuer's DID document could not be read");
    }
    DidDocument document = resolved.document();
    Optional<DidService> service = document.service(TransparencyLogService.TYPE);
    if (service.isEmpty()) {
      return new Answer.Unavailable("the issuer's DID document announces no transparency log");
    }
    URI log;
    LedgerContract contract;
    try {
      log = URI.create(service.get().serviceEndpoint());
      contract =
          LedgerContract.parseCaip10(service.get().property(TransparencyLogService.ANCHOR_PROPERTY).orElse(""));
    } catch (IllegalArgumentException e) {
      return new Answer.Unavailable("the issuer's transparency log service is malformed: " + e.getMessage());
    }
    if (!onDidOrigin(issuerDid, log)) {
      return new Answer.Unavailable(
          "the issuer's transparency log " + log + " is not on the host of its DID, so it is not consulted");
    }
    URI evidence = URI.create(log + "/evidence?data=" + new Hash(securedFormSha256).hex());
    GuardedHttpClient.Fetched fetched = http.fetchJson(evidence);
    if (fetched instanceof GuardedHttpClient.Fetched.Refused refused) {
      return refused.httpStatus() == 404
          ? new Answer.NotInLog(log)
          : new Answer.Unavailable("the issuer's transparency log could not be asked: " + refused.reason());
    }
    try {
      return new Answer.Found(
          log, contract, LogEvidenceJson.read(((GuardedHttpClient.Fetched.Document) fetched).json()));
    } catch (IllegalArgumentException e) {
      return new Answer.Malformed(log, e.getMessage());
    }
  }

  private static boolean onDidOrigin(String did, URI log) {
    URI document = DidWeb.documentUrl(did, false);
    return log.getHost() != null && log.getHost().equalsIgnoreCase(document.getHost())
        && log.getPort() == document.getPort() && log.getRawQuery() == null && log.getRawFragment() == null
        && ("https".equals(log.getScheme()) || "http".equals(log.getScheme()));
  }
}
