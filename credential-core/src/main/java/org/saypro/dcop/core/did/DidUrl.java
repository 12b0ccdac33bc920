package org.saypro.dcop.core.did;

import java.util.Optional;
import java.util.regex.Pattern;

/** A DID URL {@code did:method:id#fragment} split into the DID and the fragment. */
public record DidUrl(String did, String method, String fragment) {

  private static final Pattern DID = Pattern.compile("did:([a-z0-9]+):([A-Za-z0-9._:%\\-]+)");

  public static Optional<DidUrl> parse(String value) {
    if (value == null || value.length() > 8192) {
      return Optional.empty();
    }
    int hash = value.indexOf('#');
    String did = hash < 0 ? value : value.substring(0, hash);
    var matcher = DID.matcher(did);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String fragment = hash < 0 ? "" : value.substring(hash + 1);
    return Optional.of(new DidUrl(did, matcher.group(1), fragment));
  }

  public static boolean isDid(String value) {
    return parse(value).filter(url -> url.fragment().isEmpty() && !value.contains("#")).isPresent();
  }
}
