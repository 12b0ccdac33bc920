package org.saypro.dcop.core.model;

import org.saypro.dcop.core.jsonld.BundledContexts;

/** Which JSON-LD contexts a credential may carry: the base context first, then only bundled ones. */
public final class Contexts {
  public static final String CREDENTIALS_V2 = BundledContexts.CREDENTIALS_V2;

  private Contexts() {}

  /** Whether a context after the base one is accepted: exactly the bundled contexts, which are never fetched. */
  public static boolean isAcceptedExtension(String url) {
    return BundledContexts.isBundled(url) && !CREDENTIALS_V2.equals(url);
  }
}
