package org.saypro.dcop.verifier;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.anchor.HostedLogEvidence;
import org.saypro.dcop.core.anchor.LedgerContract;
import org.saypro.dcop.core.anchor.ReadContractAnchors;
import org.saypro.dcop.core.status.BitstringStatusCheck;
import org.saypro.dcop.core.status.HostedStatusLists;
import org.saypro.dcop.core.status.StatusChangeTimes;
import org.saypro.dcop.verifier.anchor.IssuerLogEvidence;
import org.saypro.dcop.verifier.status.CachingStatusListFetcher;
import org.saypro.dcop.verifier.anchor.LogAnchorCheck;
import java.util.Map;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.HostedDidDocuments;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.verify.PresentationVerifier;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.verifier.did.CachingDidResolver;
import org.saypro.dcop.verifier.did.GuardedHttpClient;
import org.saypro.dcop.verifier.did.HttpDidWebResolver;
import org.saypro.dcop.verifier.did.HttpKeyDocumentResolver;

/** Composes the verifier from credential-core and the network adapters. */
@Factory
class VerifierBeans {

  private static final int MAX_CACHED_DIDS = 1000;
  private static final int MAX_CACHED_LISTS = 1000;

  /** The one way the verifier reaches the network: public https hosts only, bounded time and size. */
  @Singleton
  GuardedHttpClient guardedHttpClient(VerifierSettings settings) {
    return new GuardedHttpClient(
        settings.didConnectTimeout(), settings.didReadTimeout(), settings.didMaxBytes(), settings.developmentMode());
  }

  @Singleton
  ResolveDid resolveDid(VerifierSettings settings, GuardedHttpClient http, List<HostedDidDocuments> hosted) {
    Clock clock = Clock.systemUTC();
    // documents hosted here are asked first and never cached: a key rotated or revoked here counts at once
    var fetched = new CachingDidResolver(
        new HttpDidWebResolver(List.of(), http), settings.didCacheTtl(), MAX_CACHED_DIDS, clock);
    ResolveDid web = did -> hosted.stream().map(source -> source.find(did)).flatMap(Optional::stream).findFirst()
        .<DidResolution>map(DidResolution.Resolved::new).orElseGet(() -> fetched.resolve(did));
    var keyDocuments =
        new CachingDidResolver(new HttpKeyDocumentResolver(http), settings.didCacheTtl(), MAX_CACHED_DIDS, clock);
    return MethodRoutingResolver.pureMethodsAnd(Map.of("web", web, "https", keyDocuments, "http", keyDocuments));
  }

  @Singleton
  CredentialVerifier credentialVerifier(
      ResolveDid resolveDid,
      GuardedHttpClient http,
      Optional<HostedLogEvidence> log,
      Optional<LedgerContract> ownContract,
      Optional<ReadContractAnchors> chain,
      List<HostedStatusLists> hostedLists,
      Optional<StatusChangeTimes> changeTimes,
      VerifierSettings settings) {
    CredentialValidator validator = CredentialValidator.withBundledSchemas();
    DataIntegrity dataIntegrity = new DataIntegrity(RdfCanonicalizer.bundled());
    Clock clock = Clock.systemUTC();
    // status lists are verified without a status or anchor check of their own
    CredentialVerifier listVerifier = new CredentialVerifier(validator, resolveDid, dataIntegrity, clock);
    var lists = new CachingStatusListFetcher(hostedLists, http, settings.statusCacheTtl(), MAX_CACHED_LISTS, clock);
    return new CredentialVerifier(
        validator,
        resolveDid,
        dataIntegrity,
        clock,
        Optional.of(new LogAnchorCheck(log, ownContract, chain, new IssuerLogEvidence(resolveDid, http))),
        Optional.of(new BitstringStatusCheck(
            lists, listVerifier::verify, changeTimes.orElse(StatusChangeTimes.NONE))));
  }

  @Singleton
  PresentationVerifier presentationVerifier(CredentialVerifier credentials, ResolveDid resolveDid) {
    return new PresentationVerifier(credentials, resolveDid, new DataIntegrity(RdfCanonicalizer.bundled()));
  }
}
