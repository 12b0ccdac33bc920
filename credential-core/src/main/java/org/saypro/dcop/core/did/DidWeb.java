package org.saypro.dcop.core.did;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** did:web's mapping between a DID and the HTTPS URL of its document (W3C CCG did:web method). */
public final class DidWeb {
  private DidWeb() {}

  /** {@code https://example.org:8443/issuers/a} becomes {@code did:web:example.org%3A8443:issuers:a}. */
  public static String fromUrl(URI base) {
    if (base.getHost() == null) {
      throw new IllegalArgumentException("a did:web needs a host: " + base);
    }
    String host = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
    StringBuilder did = new StringBuilder("did:web:").append(URLEncoder.encode(host, StandardCharsets.UTF_8));
    String path = base.getPath() == null ? "" : base.getPath();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        did.append(':').append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
      }
    }
    return did.toString();
  }

  /**
   * The URL of the DID document. With {@code plainHttp} the scheme is http (development against localhost only;
   * the caller decides when that is allowed).
   */
  public static URI documentUrl(String did, boolean plainHttp) {
    if (!did.startsWith("did:web:") || did.contains("#") || did.contains("?")) {
      throw new IllegalArgumentException("not a did:web: " + did);
    }
    String[] parts = did.substring("did:web:".length()).split(":", -1);
    StringBuilder url = new StringBuilder(plainHttp ? "http://" : "https://");
    String host = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    if (host.isEmpty() || host.chars().anyMatch(c -> "/?#@\\".indexOf(c) >= 0)) {
      throw new IllegalArgumentException("did:web host must be a plain host and port: " + did);
    }
    url.append(host);
    if (parts.length == 1) {
      url.append("/.well-known");
    }
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        throw new IllegalArgumentException("empty path segment in " + did);
      }
      url.append('/').append(URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
    }
    URI uri = URI.create(url.append("/did.json").toString());
    if (uri.getHost() == null || uri.getUserInfo() != null || url.indexOf("..") >= 0) {
      throw new IllegalArgumentException("did:web does not name a plain host and path: " + did);
    }
    return uri;
  }
}
