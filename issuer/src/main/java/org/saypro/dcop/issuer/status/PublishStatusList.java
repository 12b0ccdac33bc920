package org.saypro.dcop.issuer.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.issue.IssueCredential;
import org.saypro.dcop.core.issue.IssueOptions;
import org.saypro.dcop.core.issue.IssueOutcome;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.status.Bitstring;
import org.saypro.dcop.core.status.StatusListCredentialBuilder;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.issuer.config.IssuerSettings;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.issuer.keys.HostedIssuerDids;
import org.saypro.dcop.issuer.keys.IssuerKeys;

/**
 * Builds a list's {@code BitstringStatusListCredential} from its set entries and signs it twice, as vc+jwt and with
 * an eddsa-rdfc-2022 proof, so verifiers of either kind are served without signing per request. Runs in the caller's
 * transaction, which holds the list's row lock.
 */
@Singleton
public class PublishStatusList {

  private static final JsonNode AS_VC_JWT = Json.newObject().put("securingMechanism", IssueOptions.VC_JWT);
  private static final JsonNode AS_DATA_INTEGRITY = Json.newObject().put("cryptosuite", "eddsa-rdfc-2022");

  private final StatusStore store;
  private final HostedIssuerDids dids;
  private final IssuerKeys keys;
  private final IssuerSettings issuer;
  private final StatusSettings settings;
  private final IssueCredential pipeline;
  private final Clock clock = Clock.systemUTC();

  PublishStatusList(
      StatusStore store,
      HostedIssuerDids dids,
      IssuerKeys keys,
      IssuerSettings issuer,
      StatusSettings settings,
      CredentialValidator validator,
      DataIntegrity dataIntegrity) {
    this.store = store;
    this.dids = dids;
    this.keys = keys;
    this.issuer = issuer;
    this.settings = settings;
    this.pipeline = new IssueCredential(validator, dataIntegrity, IssueOptions.DEFAULT, clock);
  }

  /**
   * The URL a list is published at, which is also its credential's id: {@code /status/<name>} for the service's own
   * DID (as since the first release), {@code /issuers/<slug>/status/<name>} for an organisation's.
   */
  public String url(StatusListId id) {
    return issuer.baseUrl() + (id.owner().isEmpty() ? "" : "/issuers/" + id.owner()) + "/status/" + id.name();
  }

  /** The DID that signs the list: the credential's issuer. */
  String issuerDid(StatusListId id) {
    return id.owner().isEmpty() ? dids.serviceDid() : dids.organisationDid(id.owner());
  }

  /**
   * Rebuilds every list of the owner, so that none stays signed by a key just revoked (its credentials' status
   * could no longer be checked). Lists are locked one at a time, in the order changes lock them.
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void rebuildAll(String owner) {
    for (StatusListId id : store.lists(owner)) {
      rebuild(id, store.lockList(id));
    }
  }

  /**
   * Rebuilds and stores the signed list; returns its new version. The caller holds the transaction, and the list's
   * row lock when changes may run concurrently. Public for the benchmark ({@code bench --status}).
   */
  public long rebuild(StatusListId id, int size) {
    Bitstring bits = Bitstring.forNewList(size);
    for (int index : store.setIndexes(id)) {
      bits.set(index, true);
    }
    Instant now = clock.instant();
    ObjectNode unsigned =
        StatusListCredentialBuilder.forList(url(id), issuerDid(id), id.purpose().label(), now)
            .withTtl(settings.ttl())
            .build(bits);
    String did = issuerDid(id);
    return store.storeBuilt(id, sign(did, unsigned, AS_VC_JWT), sign(did, unsigned, AS_DATA_INTEGRITY), now);
  }

  private String sign(String did, ObjectNode unsigned, JsonNode options) {
    IssueOutcome outcome = pipeline.issue(unsigned, options, algorithm -> signingKey(did, algorithm), () -> {
      throw new IllegalStateException("a status list credential has its URL as id");
    });
    if (outcome instanceof IssueOutcome.Rejected rejected) {
      throw new IllegalStateException("the status list credential was refused by validation: " + rejected.errors());
    }
    return ((IssueOutcome.Issued) outcome).credential().securedForm();
  }

  private SigningKey signingKey(String did, KeyAlgorithm algorithm) {
    return keys.active(did, algorithm)
        .orElseThrow(() -> new IllegalStateException(did + " has no active " + algorithm.label() + " key"));
  }
}
