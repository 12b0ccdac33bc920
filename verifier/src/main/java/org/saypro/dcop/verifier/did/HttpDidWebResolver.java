package org.saypro.dcop.verifier.did;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidDocumentParser;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.DidWeb;
import org.saypro.dcop.core.did.HostedDidDocuments;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.json.MalformedJsonException;

/**
 * did:web over HTTPS. The DID comes from untrusted input, so the fetch is fenced: documents hosted here are answered
 * locally; the destination must not be a loopback, private, link-local or multicast address (only development mode
 * allows plain http to localhost); redirects are not followed; connect and total time and the body size are bounded.
 */
public final class HttpDidWebResolver implements ResolveDid {

  private final List<HostedDidDocuments> hosted;
  private final HttpClient client;
  private final Duration readTimeout;
  private final int maxBytes;
  private final boolean developmentMode;

  public HttpDidWebResolver(
      List<HostedDidDocuments> hosted,
      Duration connectTimeout,
      Duration readTimeout,
      int maxBytes,
      boolean developmentMode) {
    this.hosted = List.copyOf(hosted);
    this.client =
        HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
    this.developmentMode = developmentMode;
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
    boolean local;
    try {
      local = isLocal(url.getHost());
    } catch (UnknownHostException e) {
      return new DidResolution.Unresolvable(did, "host " + url.getHost() + " is unknown");
    }
    if (local) {
      if (!developmentMode || !isLocalhostName(url.getHost())) {
        return new DidResolution.Unresolvable(
            did, "host " + url.getHost() + " is a local or private address; did:web is resolved only on public hosts");
      }
      url = DidWeb.documentUrl(did, true);
    }
    return fetch(did, url);
  }

  private DidResolution fetch(String did, URI url) {
    HttpRequest request =
        HttpRequest.newBuilder(url).timeout(readTimeout).header("Accept", "application/did+json, application/json").GET()
            .build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          return new DidResolution.Unresolvable(did, url + " answered HTTP " + response.statusCode());
        }
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
          return new DidResolution.Unresolvable(did, "DID document larger than " + maxBytes + " bytes");
        }
        return DidDocumentParser.parse(did, Json.parse(bytes));
      }
    } catch (MalformedJsonException e) {
      return new DidResolution.Unresolvable(did, "DID document is not JSON");
    } catch (java.net.http.HttpTimeoutException e) {
      return new DidResolution.Unresolvable(did, "no answer from " + url.getHost() + " in time");
    } catch (IOException e) {
      return new DidResolution.Unresolvable(did, "could not fetch " + url + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DidResolution.Unresolvable(did, "interrupted");
    }
  }

  private static boolean isLocal(String host) throws UnknownHostException {
    for (InetAddress address : InetAddress.getAllByName(host)) {
      if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
          || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocalV6(address)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUniqueLocalV6(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
  }

  private static boolean isLocalhostName(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }
}
