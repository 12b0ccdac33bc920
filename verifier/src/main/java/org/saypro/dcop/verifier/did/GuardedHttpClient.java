package org.saypro.dcop.verifier.did;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.json.MalformedJsonException;

/**
 * Fetches small JSON documents from URLs that come from untrusted input (DID documents, key documents). The
 * destination must be https on a public address (development mode alone allows plain http to localhost);
 * redirects are not followed; connect time, total time and size are bounded.
 */
public final class GuardedHttpClient {

  /** What a fetch gave: a JSON document, or why not. */
  public sealed interface Fetched {
    record Document(JsonNode json) implements Fetched {}

    /** A body taken as text (e.g. a compact vc+jwt); only {@link #fetchText} gives one. */
    record Text(String body) implements Fetched {}

    /** @param httpStatus the server's status code when it answered with one other than 200; 0 when it did not answer */
    record Refused(String reason, int httpStatus) implements Fetched {
      public Refused(String reason) {
        this(reason, 0);
      }
    }
  }

  private final HttpClient client;
  private final Duration readTimeout;
  private final int maxBytes;
  private final boolean developmentMode;

  public GuardedHttpClient(Duration connectTimeout, Duration readTimeout, int maxBytes, boolean developmentMode) {
    this.client =
        HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
    this.developmentMode = developmentMode;
  }

  /** Fetches {@code url} as JSON; an https URL to localhost is downgraded to http in development mode only. */
  public Fetched fetchJson(URI url) {
    Fetched fetched = fetch(url, "application/did+json, application/json");
    if (!(fetched instanceof Fetched.Text text)) {
      return fetched;
    }
    try {
      return new Fetched.Document(Json.parse(text.body()));
    } catch (MalformedJsonException e) {
      return new Fetched.Refused("the document at " + url + " is not JSON");
    }
  }

  /** Fetches {@code url} as UTF-8 text, asking for {@code accept}; same guards as {@link #fetchJson}. */
  public Fetched fetchText(URI url, String accept) {
    return fetch(url, accept);
  }

  private Fetched fetch(URI url, String accept) {
    if (url.getHost() == null || url.getUserInfo() != null
        || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
      return new Fetched.Refused(url + " is not a plain http(s) URL");
    }
    boolean local;
    try {
      local = isLocal(url.getHost());
    } catch (UnknownHostException e) {
      return new Fetched.Refused("host " + url.getHost() + " is unknown");
    }
    if (local) {
      if (!developmentMode || !isLocalhostName(url.getHost())) {
        return new Fetched.Refused(
            "host " + url.getHost() + " is a local or private address; documents are fetched only from public hosts");
      }
      url = URI.create("http" + url.toString().substring(url.getScheme().length()));
    } else if (!"https".equals(url.getScheme())) {
      return new Fetched.Refused(url + " is not https");
    }
    HttpRequest request =
        HttpRequest.newBuilder(url).timeout(readTimeout)
            .header("Accept", accept).GET().build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          return new Fetched.Refused(url + " answered HTTP " + response.statusCode(), response.statusCode());
        }
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
          return new Fetched.Refused("the document at " + url + " is larger than " + maxBytes + " bytes");
        }
        return new Fetched.Text(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (HttpTimeoutException e) {
      return new Fetched.Refused("no answer from " + url.getHost() + " in time");
    } catch (IOException e) {
      return new Fetched.Refused("could not fetch " + url + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Fetched.Refused("interrupted");
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
