package org.saypro.dcop.issuer.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.issue.IssueCredential;
import org.saypro.dcop.core.issue.IssueOutcome;
import org.saypro.dcop.core.issue.SecuredCredential;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.keys.HostedIssuerDids;
import org.saypro.dcop.issuer.keys.IssuerKeyRing;
import org.saypro.dcop.issuer.keys.IssuerKeys;
import org.saypro.dcop.issuer.status.AllocateStatus;
import org.saypro.dcop.issuer.status.StatusListId;

/**
 * Issues several credentials in one transaction: status entries for all of them, then the pure pipeline from
 * credential-core for each (validate, sign), then one statement per table for the credentials, log entries,
 * idempotency keys and audit events. All or nothing: one refusal rolls back every credential of the call.
 */
@Singleton
class IssueInOneTransaction {

  private final IssueCredential pipeline;
  private final IssuerKeyRing keyRing;
  private final HostedIssuerDids dids;
  private final IssuerKeys issuerKeys;
  private final StoreIssuedCredential store;
  private final IssuerSettings settings;
  private final AllocateStatus allocateStatus;
  private final TransactionOperations<Connection> transactions;
  private final AuditLog audit;
  private final OrganisationStore organisations;
  private final Clock clock = Clock.systemUTC();

  IssueInOneTransaction(
      CredentialValidator validator,
      DataIntegrity dataIntegrity,
      IssuerKeyRing keyRing,
      HostedIssuerDids dids,
      IssuerKeys issuerKeys,
      StoreIssuedCredential store,
      IssuerSettings settings,
      AllocateStatus allocateStatus,
      TransactionOperations<Connection> transactions,
      AuditLog audit,
      OrganisationStore organisations) {
    this.pipeline = new IssueCredential(validator, dataIntegrity, settings.defaultIssueOptions(), Clock.systemUTC());
    this.keyRing = keyRing;
    this.dids = dids;
    this.issuerKeys = issuerKeys;
    this.store = store;
    this.settings = settings;
    this.allocateStatus = allocateStatus;
    this.transactions = transactions;
    this.audit = audit;
    this.organisations = organisations;
  }

  /**
   * @param positions which of {@code requests} to issue (the others were answered already)
   * @param alongWith runs in the transaction, after the credentials are stored
   * @return the stored credentials, in the order of {@code positions}
   * @throws Refused when any credential is refused; nothing is stored
   */
  List<StoredCredential> issue(
      List<Integer> positions, List<IssueRequest> requests, String actor,
      IssueCredentialService.AlongWithIssue alongWith) {
    return transactions.executeWrite(status -> {
      Map<String, Function<KeyAlgorithm, SigningKey>> keys = new HashMap<>();
      Map<Integer, UUID> uuids = new LinkedHashMap<>();
      for (int position : positions) {
        keys.computeIfAbsent(issuerId(requests.get(position).credential()), this::keysOf);
        uuids.put(position, TimeOrderedUuid.next(clock));
      }
      Map<Integer, JsonNode> statuses = statuses(positions, requests, uuids);
      List<CredentialRow> rows = new ArrayList<>(positions.size());
      List<IdempotencyRow> keyRows = new ArrayList<>();
      for (int position : positions) {
        IssueRequest request = requests.get(position);
        JsonNode credential = request.credential();
        JsonNode withStatus = credential;
        if (statuses.containsKey(position)) {
          // a shallow copy: the request stays as it was (a refused chunk is issued again row by row), and the
          // pipeline copies what it keeps; a deep copy here was 2 % of a bulk award's CPU
          ObjectNode copy = Json.newObject();
          copy.setAll((ObjectNode) credential);
          copy.set("credentialStatus", statuses.get(position));
          withStatus = copy;
        }
        UUID uuid = uuids.get(position);
        IssueOutcome outcome = pipeline.issue(withStatus, request.body().get("options"),
            keys.get(issuerId(credential)), () -> settings.baseUrl() + "/credentials/" + uuid);
        if (outcome instanceof IssueOutcome.Rejected rejected) {
          throw new Refused(rejected.errors());
        }
        CredentialRow row = row(uuid, ((IssueOutcome.Issued) outcome).credential());
        rows.add(row);
        request.idempotencyKey().ifPresent(key -> keyRows.add(
            new IdempotencyRow(key, request.requestHash(), uuid, row.issuedAt())));
      }
      store.store(rows, keyRows);
      audit(rows, actor);
      List<StoredCredential> stored = rows.stream().map(StoredCredential::of).toList();
      List<NewCredential> made = new ArrayList<>(positions.size());
      for (int i = 0; i < positions.size(); i++) {
        made.add(new NewCredential(positions.get(i), stored.get(i)));
      }
      alongWith.stored(made);
      return stored;
    });
  }

  /**
   * The signing keys for an issuer, each looked up once per transaction: an organisation's DID signs with its own keys
   * and lists; any other issuer goes to the service's keys, and the pipeline refuses an issuer that is not the
   * service's DID.
   */
  private Function<KeyAlgorithm, SigningKey> keysOf(String issuer) {
    Function<KeyAlgorithm, SigningKey> lookup = keyRing::key;
    if (dids.slugOf(issuer).isPresent()) {
      if (issuerKeys.active(issuer, KeyAlgorithm.ED25519).isEmpty()) {
        throw new Refused(List.of(new FieldError("/credential/issuer",
            "no organisation issues as " + issuer + " here: an organisation must be enabled for issuing first")));
      }
      lookup = algorithm -> issuerKeys.active(issuer, algorithm).orElseThrow();
    }
    Map<KeyAlgorithm, SigningKey> looked = new EnumMap<>(KeyAlgorithm.class);
    Function<KeyAlgorithm, SigningKey> once = lookup;
    return algorithm -> looked.computeIfAbsent(algorithm, once);
  }

  /**
   * The credentialStatus of each credential that is a JSON object (the pipeline refuses the others), from its issuer's
   * lists.
   */
  private Map<Integer, JsonNode> statuses(
      List<Integer> positions, List<IssueRequest> requests, Map<Integer, UUID> uuids) {
    Map<String, List<Integer>> byOwner = new LinkedHashMap<>();
    for (int position : positions) {
      JsonNode credential = requests.get(position).credential();
      if (credential != null && credential.isObject()) {
        String owner = dids.slugOf(issuerId(credential)).orElse(StatusListId.SERVICE);
        byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(position);
      }
    }
    Map<Integer, JsonNode> statuses = new HashMap<>();
    byOwner.forEach((owner, owned) -> {
      List<JsonNode> entries = allocateStatus.statusFor(owner, owned.stream()
          .map(p -> new AllocateStatus.Unissued(uuids.get(p), requests.get(p).credential())).toList());
      for (int i = 0; i < owned.size(); i++) {
        statuses.put(owned.get(i), entries.get(i));
      }
    });
    return statuses;
  }

  private void audit(List<CredentialRow> rows, String actor) {
    Map<String, Optional<UUID>> organisationOf = new HashMap<>();
    audit.record(rows.stream().map(row -> new AuditLog.NewEvent(actor,
        organisationOf.computeIfAbsent(row.issuer(), did -> organisations.byIssuerDid(did).map(Organisation::id)),
        "credential.issued", Optional.of(row.credentialId()), AuditEvent.Outcome.SUCCESS,
        Json.newObject().put("uuid", row.uuid().toString()).put("format", row.format()))).toList());
  }

  /** The issuer's id as the request gives it: a string, or an object's {@code id}; empty when neither. */
  static String issuerId(JsonNode credential) {
    JsonNode issuer = credential == null ? null : credential.get("issuer");
    if (issuer == null) {
      return "";
    }
    return issuer.isTextual() ? issuer.textValue() : issuer.path("id").asText("");
  }

  private CredentialRow row(UUID uuid, SecuredCredential secured) {
    Credential credential = secured.credential();
    return new CredentialRow(
        uuid,
        secured.id(),
        credential.issuer().id(),
        credential.primarySubjectId().orElse(null),
        credential.types().toArray(String[]::new),
        secured.format(),
        secured.securedForm(),
        secured.sha256(),
        clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
