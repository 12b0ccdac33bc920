package org.saypro.dcop.issuer.keys;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.KeyEncryptionKey;
import org.saypro.dcop.core.keys.SealedKey;
import org.saypro.dcop.core.keys.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of every issuer DID hosted here (the service's own and each issuing organisation's): one active
 * key per algorithm signs; rotation retires it and creates the next; revocation marks a key untrusted. All keys stay
 * published, so what a retired key signed still verifies. State lives in the database only, so every instance sees
 * a rotation at once; unsealed keys are cached by their id, which never changes meaning.
 */
@Singleton
public class IssuerKeys {

  private static final Logger LOG = LoggerFactory.getLogger(IssuerKeys.class);

  private final IssuerKeyStore store;
  private final KeyEncryptionKey kek;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, SigningKey> unsealed = new ConcurrentHashMap<>();

  IssuerKeys(IssuerKeyStore store, KeyEncryptionKey kek) {
    this.store = store;
    this.kek = kek;
  }

  /** Creates the active keys the issuer lacks (all of them for a new issuer). Idempotent. */
  @Transactional
  public void ensureActive(String did) {
    for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
      if (store.activeSealed(did, algorithm).isEmpty()) {
        create(did, algorithm);
      }
    }
  }

  /** The key that signs for the issuer now, if it has one. */
  @Transactional
  public Optional<SigningKey> active(String did, KeyAlgorithm algorithm) {
    return store.activeSealed(did, algorithm).map(this::unseal);
  }

  /**
   * The issuer's oldest key of this algorithm that is not revoked: for identities that must outlive rotations (the
   * transparency log's checkpoints are verified with one key).
   */
  @Transactional
  public Optional<SigningKey> firstUnrevoked(String did, KeyAlgorithm algorithm) {
    return store.firstUnrevokedSealed(did, algorithm).map(this::unseal);
  }

  /** Every key of the issuer, active first, then newest first. */
  @Transactional
  public List<PublishedKey> published(String did) {
    return store.keys(did);
  }

  /** The DID document: every key in both forms, each an assertion method; revoked ones say so. */
  @Transactional
  public Optional<DidDocument> document(String did) {
    List<PublishedKey> keys = store.keys(did);
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    List<VerificationMethod> methods = new ArrayList<>();
    keys.forEach(key -> methods.add(key.jsonWebKeyMethod()));
    keys.forEach(key -> methods.add(key.multikeyMethod()));
    return Optional.of(new DidDocument(did, methods, methods.stream().map(VerificationMethod::id).toList()));
  }

  /** Retires the active keys and creates new ones, which sign from now on; returns all keys. */
  @Transactional
  public List<PublishedKey> rotate(String did) {
    store.lockIssuer(did);
    store.retireActive(did, Optional.empty(), now());
    ensureActive(did);
    LOG.info("rotated the keys of {}", did);
    return store.keys(did);
  }

  /**
   * Revokes the key named by {@code keyId} (the fragment of either of its method ids) as of {@code at}. A revoked
   * active key is replaced at once, so the issuer can go on issuing. Empty when the issuer has no such key.
   */
  @Transactional
  public Optional<PublishedKey> revoke(String did, String keyId, Instant at) {
    store.lockIssuer(did);
    Optional<PublishedKey> key = store.keys(did).stream()
        .filter(k -> k.keyId().equals(keyId) || k.multikeyVerificationMethodId().equals(did + "#" + keyId))
        .findFirst();
    if (key.isEmpty()) {
      return Optional.empty();
    }
    store.revoke(key.get().verificationMethodId(), at.truncatedTo(ChronoUnit.SECONDS));
    if (key.get().state() == KeyState.ACTIVE) {
      create(did, key.get().algorithm());
    }
    LOG.warn("revoked key {} as of {}", key.get().verificationMethodId(), at);
    return store.keys(did).stream()
        .filter(k -> k.verificationMethodId().equals(key.get().verificationMethodId())).findFirst();
  }

  private void create(String did, KeyAlgorithm algorithm) {
    SigningKey created = SigningKey.generate(algorithm, did);
    if (store.insertActive(did, algorithm, created.publicJwk(), kek.seal(created), now())) {
      unsealed.put(created.verificationMethodId(), created);
      LOG.info("created {} signing key {}", algorithm.label(), created.verificationMethodId());
    }
  }

  private SigningKey unseal(SealedKey sealed) {
    return unsealed.computeIfAbsent(sealed.verificationMethodId(), id -> kek.unseal(sealed));
  }

  /** Microseconds, as PostgreSQL keeps them, so what is returned equals what is read back. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
