package org.saypro.dcop.core.model;

import java.net.URI;
import java.net.URISyntaxException;

/** URL rules of the data model: identifiers are absolute URIs (http(s), did, urn, data ...). */
public final class Urls {

  /**
   * The ASCII characters {@link URI} accepts after the scheme without a closer look: its unreserved and reserved
   * characters, less {@code [ ]} (IPv6 literals) and {@code %} and {@code #}, which the scan checks by position.
   */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    String plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'();/?:@&=+$,";
    for (int i = 0; i < plain.length(); i++) {
      PLAIN[plain.charAt(i)] = true;
    }
  }

  private Urls() {}

  public static boolean isAbsolute(String value) {
    if (value == null || value.isEmpty() || value.length() > 8192) {
      return false;
    }
    // Most identifiers are plain ASCII in the usual shapes, and a scan settles them; anything else goes to URI, the
    // rule itself. Parsing every identifier with URI was 4 % of a bulk award's CPU.
    return plainlyAbsolute(value) || parsesAsAbsolute(value);
  }

  /**
   * True only when {@link URI} would accept the value as absolute with a scheme of two characters or more: a scheme,
   * then only plain characters and well-formed percent escapes, at most one {@code #}, something before it, and no
   * {@code //} left without an authority. False means "not shown by the scan", not "not absolute".
   */
  static boolean plainlyAbsolute(String value) {
    int n = value.length();
    int colon = schemeEnd(value);
    if (colon < 2 || colon + 1 >= n || value.charAt(colon + 1) == '#') {
      return false; // no scheme, a one-letter scheme (a Windows drive), or nothing after it
    }
    if (value.startsWith("//", colon + 1) && (colon + 3 == n || "/?#".indexOf(value.charAt(colon + 3)) >= 0)) {
      return false; // an empty authority: URI decides
    }
    boolean fragment = false;
    for (int i = colon + 1; i < n; i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= n || !hex(value.charAt(i + 1)) || !hex(value.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (c == '#') {
        if (fragment) {
          return false;
        }
        fragment = true;
      } else if (c >= 128 || !PLAIN[c]) {
        return false;
      }
    }
    return true;
  }

  /** The index of the colon that ends a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), or -1. */
  private static int schemeEnd(String value) {
    if (!letter(value.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!letter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean parsesAsAbsolute(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && uri.getScheme().length() > 1;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
