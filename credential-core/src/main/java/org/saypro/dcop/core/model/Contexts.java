package org.saypro.dcop.core.model;

import java.util.Set;

/** The JSON-LD contexts this service understands. Contexts are never fetched: unknown means rejected. */
public final class Contexts {
  public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
  public static final String CREDENTIALS_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
  public static final String OPEN_BADGES_3_0_3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  /** Open Badges 3.0 published a context per point release; credentials in the wild carry any of them. */
  public static final Set<String> OPEN_BADGES_3 =
      Set.of(
          "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
          OPEN_BADGES_3_0_3);

  private Contexts() {}

  /** Whether a context after the base one is accepted. */
  public static boolean isAcceptedExtension(String url) {
    return CREDENTIALS_EXAMPLES_V2.equals(url) || OPEN_BADGES_3.contains(url);
  }
}
