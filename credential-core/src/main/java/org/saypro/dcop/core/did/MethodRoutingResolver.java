package org.saypro.dcop.core.did;

import java.util.Map;

/** Sends each DID to the resolver of its method; unknown methods are unresolvable, never guessed. */
public final class MethodRoutingResolver implements ResolveDid {
  private final Map<String, ResolveDid> byMethod;

  public MethodRoutingResolver(Map<String, ResolveDid> byMethod) {
    this.byMethod = Map.copyOf(byMethod);
  }

  /** did:key and did:jwk, which need no network, plus whatever the caller adds. */
  public static MethodRoutingResolver pureMethodsAnd(Map<String, ResolveDid> more) {
    var all = new java.util.HashMap<String, ResolveDid>(more);
    all.putIfAbsent("key", new DidKeyResolver());
    all.putIfAbsent("jwk", new DidJwkResolver());
    return new MethodRoutingResolver(all);
  }

  /**
   * Resolves a DID by its method, or an http(s) URL of a key document by its scheme (when a resolver for the scheme
   * was given).
   */
  @Override
  public DidResolution resolve(String did) {
    if (did.startsWith("https://") || did.startsWith("http://")) {
      ResolveDid resolver = byMethod.get(did.substring(0, did.indexOf(':')));
      return resolver == null
          ? new DidResolution.Unresolvable(did, "key documents at URLs are not resolved by this verifier")
          : resolver.resolve(did);
    }
    return DidUrl.parse(did)
        .filter(url -> url.fragment().isEmpty())
        .map(
            url -> {
              ResolveDid resolver = byMethod.get(url.method());
              return resolver == null
                  ? new DidResolution.Unresolvable(did, "DID method '" + url.method() + "' is not supported")
                  : resolver.resolve(url.did());
            })
        .orElseGet(() -> new DidResolution.Unresolvable(did, "not a DID"));
  }
}
