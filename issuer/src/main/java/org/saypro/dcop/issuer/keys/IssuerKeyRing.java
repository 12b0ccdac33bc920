package org.saypro.dcop.issuer.keys;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.exceptions.DataAccessException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidWeb;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.KeyEncryptionKey;
import org.saypro.dcop.core.keys.SealedKey;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default issuer's identity: its did:web (from the public URL) and one signing key per algorithm, published
 * twice (as a JsonWebKey for JOSE and as a Multikey for Data Integrity), created and
 * sealed on first start, unsealed on every later start. Loaded eagerly so a wrong DCOP_KEK stops the server at once.
 */
@Context
public class IssuerKeyRing {

  private static final Logger LOG = LoggerFactory.getLogger(IssuerKeyRing.class);

  private final String issuerDid;
  private final Map<KeyAlgorithm, SigningKey> keys;
  private final DidDocument didDocument;

  IssuerKeyRing(IssuerSettings settings, IssuerKeyRepository repository, KeyEncryptionKey kek) {
    this.issuerDid = DidWeb.fromUrl(settings.publicUrl());
    this.keys = loadOrCreate(repository, kek);
    List<VerificationMethod> methods = new ArrayList<>();
    for (SigningKey key : keys.values()) {
      methods.add(
          new VerificationMethod(key.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, issuerDid, key.publicJwk()));
    }
    for (SigningKey key : keys.values()) {
      methods.add(
          new VerificationMethod(
              key.multikeyVerificationMethodId(), VerificationMethod.MULTIKEY, issuerDid, key.publicJwk()));
    }
    this.didDocument =
        new DidDocument(issuerDid, methods, methods.stream().map(VerificationMethod::id).toList());
  }

  private Map<KeyAlgorithm, SigningKey> loadOrCreate(IssuerKeyRepository repository, KeyEncryptionKey kek) {
    Map<KeyAlgorithm, SigningKey> loaded = load(repository, kek);
    for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
      if (!loaded.containsKey(algorithm)) {
        SigningKey created = SigningKey.generate(algorithm, issuerDid);
        SealedKey sealed = kek.seal(created);
        try {
          repository.save(
              new IssuerKeyRow(
                  created.verificationMethodId(), issuerDid, algorithm.label(), created.publicJwk().toJSONString(),
                  sealed.nonce(), sealed.ciphertext(), sealed.kekFingerprint(), Instant.now()));
          LOG.info("created {} signing key {}", algorithm.label(), created.verificationMethodId());
          loaded.put(algorithm, created);
        } catch (DataAccessException raced) {
          // another instance created it first: use theirs
          loaded = load(repository, kek);
        }
      }
    }
    return loaded;
  }

  private Map<KeyAlgorithm, SigningKey> load(IssuerKeyRepository repository, KeyEncryptionKey kek) {
    Map<KeyAlgorithm, SigningKey> loaded = new EnumMap<>(KeyAlgorithm.class);
    for (IssuerKeyRow row : repository.findByIssuerDid(issuerDid)) {
      KeyAlgorithm algorithm =
          KeyAlgorithm.fromLabel(row.algorithm())
              .orElseThrow(() -> new IllegalStateException("unknown key algorithm in database: " + row.algorithm()));
      loaded.put(
          algorithm,
          kek.unseal(
              new SealedKey(
                  row.verificationMethodId(), algorithm, row.sealedNonce(), row.sealedPrivateKey(), row.kekFingerprint())));
    }
    return loaded;
  }

  public String issuerDid() {
    return issuerDid;
  }

  public SigningKey key(KeyAlgorithm algorithm) {
    return keys.get(algorithm);
  }

  public DidDocument didDocument() {
    return didDocument;
  }
}
