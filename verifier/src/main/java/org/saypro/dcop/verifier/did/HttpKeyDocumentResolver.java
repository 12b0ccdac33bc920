package org.saypro.dcop.verifier.did;

import java.net.URI;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.KeyDocumentParser;
import org.saypro.dcop.core.did.ResolveDid;

/** Key documents at https URLs (Open Badges 3.0 verification methods), fetched through the guarded client. */
public final class HttpKeyDocumentResolver implements ResolveDid {

  private final GuardedHttpClient http;

  public HttpKeyDocumentResolver(GuardedHttpClient http) {
    this.http = http;
  }

  @Override
  public DidResolution resolve(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return new DidResolution.Unresolvable(url, "not a URL");
    }
    if (uri.getFragment() != null || uri.getQuery() != null) {
      return new DidResolution.Unresolvable(url, "a key document URL has no query or fragment");
    }
    GuardedHttpClient.Fetched fetched = http.fetchJson(uri);
    if (fetched instanceof GuardedHttpClient.Fetched.Refused refused) {
      return new DidResolution.Unresolvable(url, refused.reason());
    }
    return KeyDocumentParser.parse(url, ((GuardedHttpClient.Fetched.Document) fetched).json());
  }
}
