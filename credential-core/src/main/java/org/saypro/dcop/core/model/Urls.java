package org.saypro.dcop.core.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/** URL rules of the data model: identifiers are absolute URIs (http(s), did, urn, data ...). */
public final class Urls {

  /** Values longer than this are checked every time rather than remembered. */
  private static final int REMEMBERED_LENGTH = 512;
  private static final int REMEMBERED_VALUES = 128;

  /**
   * The answers for values this thread checked lately, most recent last. A bulk award checks the same few URLs
   * (contexts, issuer, achievement, status list, types) in every credential, and parsing them with {@link URI} each
   * time was 4 % of its CPU.
   */
  private static final ThreadLocal<Map<String, Boolean>> RECENT = ThreadLocal.withInitial(
      () -> new LinkedHashMap<>(REMEMBERED_VALUES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_VALUES;
        }
      });

  private Urls() {}

  public static boolean isAbsolute(String value) {
    if (value == null || value.isEmpty() || value.length() > 8192) {
      return false;
    }
    if (value.length() > REMEMBERED_LENGTH) {
      return parsesAsAbsolute(value);
    }
    Map<String, Boolean> recent = RECENT.get();
    Boolean known = recent.get(value);
    if (known == null) {
      known = parsesAsAbsolute(value);
      recent.put(value, known);
    }
    return known;
  }

  private static boolean parsesAsAbsolute(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && uri.getScheme().length() > 1;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
