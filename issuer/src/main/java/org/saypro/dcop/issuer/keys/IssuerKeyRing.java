package org.saypro.dcop.issuer.keys;

import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;

/**
 * The service's own issuer identity (SayPro's): its did:web (from the public URL) and its keys, created and sealed
 * on first start. Loaded eagerly so a wrong DCOP_KEK stops the server at once. The keys are those of
 * {@link IssuerKeys}, so a rotation applies to the service's DID as to any organisation's.
 */
@Context
public class IssuerKeyRing {

  private final String issuerDid;
  private final IssuerKeys keys;

  IssuerKeyRing(HostedIssuerDids dids, IssuerKeys keys, TransactionOperations<Connection> tx) {
    this.issuerDid = dids.serviceDid();
    this.keys = keys;
    tx.executeWrite(status -> {
      keys.ensureActive(issuerDid);
      // unseal now: a wrong key-encryption key fails the start, not the first request
      for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
        keys.active(issuerDid, algorithm).orElseThrow();
      }
      return null;
    });
  }

  public String issuerDid() {
    return issuerDid;
  }

  /** The key that signs for the service now. */
  public SigningKey key(KeyAlgorithm algorithm) {
    return keys.active(issuerDid, algorithm)
        .orElseThrow(() -> new IllegalStateException("the service DID has no active " + algorithm.label() + " key"));
  }

  /**
   * The key that signs the transparency log's checkpoints: the service's first Ed25519 key not revoked, so the log's
   * verifier key stays the same across rotations.
   */
  public SigningKey logKey() {
    return keys.firstUnrevoked(issuerDid, KeyAlgorithm.ED25519).orElseGet(() -> key(KeyAlgorithm.ED25519));
  }

  public DidDocument didDocument() {
    return keys.document(issuerDid).orElseThrow();
  }
}
