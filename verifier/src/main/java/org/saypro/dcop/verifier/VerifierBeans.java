package org.saypro.dcop.verifier;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.saypro.dcop.core.did.HostedDidDocuments;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.verifier.did.CachingDidResolver;
import org.saypro.dcop.verifier.did.HttpDidWebResolver;

/** Composes the verifier from credential-core and the network adapters. */
@Factory
class VerifierBeans {

  private static final int MAX_CACHED_DIDS = 1000;

  @Singleton
  CredentialVerifier credentialVerifier(VerifierSettings settings, List<HostedDidDocuments> hosted) {
    var web =
        new HttpDidWebResolver(
            hosted, settings.didConnectTimeout(), settings.didReadTimeout(), settings.didMaxBytes(),
            settings.developmentMode());
    var cachedWeb = new CachingDidResolver(web, settings.didCacheTtl(), MAX_CACHED_DIDS, Clock.systemUTC());
    return new CredentialVerifier(
        CredentialValidator.withBundledSchemas(),
        MethodRoutingResolver.pureMethodsAnd(Map.of("web", cachedWeb)),
        Clock.systemUTC());
  }
}
