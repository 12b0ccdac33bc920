package org.saypro.dcop.verifier.did;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidDocumentParser;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.DidWeb;
import org.saypro.dcop.core.did.HostedDidDocuments;
import org.saypro.dcop.core.did.ResolveDid;

/**
 * did:web over HTTPS. Documents hosted by this deployment are answered locally; others are fetched through the
 * {@link GuardedHttpClient}, because the DID comes from untrusted input.
 */
public final class HttpDidWebResolver implements ResolveDid {

  private final List<HostedDidDocuments> hosted;
  private final GuardedHttpClient http;

  public HttpDidWebResolver(List<HostedDidDocuments> hosted, GuardedHttpClient http) {
    this.hosted = List.copyOf(hosted);
    this.http = http;
  }

  @Override
  public DidResolution resolve(String did) {
    for (HostedDidDocuments source : hosted) {
      Optional<DidDocument> document = source.find(did);
      if (document.isPresent()) {
        return new DidResolution.Resolved(document.get());
      }
    }
    URI url;
    try {
      url = DidWeb.documentUrl(did, false);
    } catch (IllegalArgumentException e) {
      return new DidResolution.Unresolvable(did, e.getMessage());
    }
    GuardedHttpClient.Fetched fetched = http.fetchJson(url);
    if (fetched instanceof GuardedHttpClient.Fetched.Refused refused) {
      return new DidResolution.Unresolvable(did, refused.reason());
    }
    return DidDocumentParser.parse(did, ((GuardedHttpClient.Fetched.Document) fetched).json());
  }
}
