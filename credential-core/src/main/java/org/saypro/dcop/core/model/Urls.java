package org.saypro.dcop.core.model;

import java.net.URI;
import java.net.URISyntaxException;

/** URL rules of the data model: identifiers are absolute URIs (http(s), did, urn, data ...). */
public final class Urls {
  private Urls() {}

  public static boolean isAbsolute(String value) {
    if (value == null || value.isEmpty() || value.length() > 8192) {
      return false;
    }
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && uri.getScheme().length() > 1;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
