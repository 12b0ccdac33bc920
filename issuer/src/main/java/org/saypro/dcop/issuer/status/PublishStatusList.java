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
import org.saypro.dcop.issuer.keys.IssuerKeyRing;

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
  private final IssuerKeyRing keyRing;
  private final IssuerSettings issuer;
  private final StatusSettings settings;
  private final IssueCredential pipeline;
  private final Clock clock = Clock.systemUTC();

  PublishStatusList(
      StatusStore store,
      IssuerKeyRing keyRing,
      IssuerSettings issuer,
      StatusSettings settings,
      CredentialValidator validator,
      DataIntegrity dataIntegrity) {
    this.store = store;
    this.keyRing = keyRing;
    this.issuer = issuer;
    this.settings = settings;
    this.pipeline = new IssueCredential(validator, dataIntegrity, IssueOptions.DEFAULT, clock);
  }

  /** The URL a list is published at, which is also its credential's id. */
  public String url(StatusListId id) {
    return issuer.baseUrl() + "/status/" + id;
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
        StatusListCredentialBuilder.forList(url(id), keyRing.issuerDid(), id.purpose().label(), now)
            .withTtl(settings.ttl())
            .build(bits);
    return store.storeBuilt(id, sign(unsigned, AS_VC_JWT), sign(unsigned, AS_DATA_INTEGRITY), now);
  }

  private String sign(ObjectNode unsigned, JsonNode options) {
    IssueOutcome outcome = pipeline.issue(unsigned, options, keyRing::key, () -> {
      throw new IllegalStateException("a status list credential has its URL as id");
    });
    if (outcome instanceof IssueOutcome.Rejected rejected) {
      throw new IllegalStateException("the status list credential was refused by validation: " + rejected.errors());
    }
    return ((IssueOutcome.Issued) outcome).credential().securedForm();
  }
}
