package org.saypro.dcop.issuer.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.List;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.issuer.status.AllocateStatus;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.issue.IssueCredential;
import org.saypro.dcop.core.issue.IssueOutcome;
import org.saypro.dcop.core.issue.SecuredCredential;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.keys.IssuerKeyRing;
import org.saypro.dcop.issuer.keys.HostedIssuerDids;
import org.saypro.dcop.issuer.keys.IssuerKeys;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.issuer.status.StatusListId;
import java.util.function.Function;

/**
 * Issues one credential: idempotency first, then the pure pipeline from credential-core, then storage in one
 * transaction. A concurrent request with the same Idempotency-Key loses the race at the unique constraint and is
 * answered with the winner's credential.
 */
@Singleton
public class IssueCredentialService {

  private final IssueCredential pipeline;
  private final IssuerKeyRing keyRing;
  private final HostedIssuerDids dids;
  private final IssuerKeys issuerKeys;
  private final StoreIssuedCredential store;
  private final CredentialRepository credentials;
  private final IdempotencyRepository idempotency;
  private final IssuerSettings settings;
  private final AllocateStatus allocateStatus;
  private final TransactionOperations<Connection> transactions;
  private final AuditLog audit;
  private final OrganisationStore organisations;
  private final Clock clock = Clock.systemUTC();

  IssueCredentialService(
      CredentialValidator validator,
      DataIntegrity dataIntegrity,
      IssuerKeyRing keyRing,
      HostedIssuerDids dids,
      IssuerKeys issuerKeys,
      StoreIssuedCredential store,
      CredentialRepository credentials,
      IdempotencyRepository idempotency,
      IssuerSettings settings,
      AllocateStatus allocateStatus,
      TransactionOperations<Connection> transactions,
      AuditLog audit,
      OrganisationStore organisations) {
    this.pipeline =
        new IssueCredential(validator, dataIntegrity, settings.defaultIssueOptions(), Clock.systemUTC());
    this.keyRing = keyRing;
    this.dids = dids;
    this.issuerKeys = issuerKeys;
    this.store = store;
    this.credentials = credentials;
    this.idempotency = idempotency;
    this.settings = settings;
    this.allocateStatus = allocateStatus;
    this.transactions = transactions;
    this.audit = audit;
    this.organisations = organisations;
  }

  /**
   * @param request the VC API body: {@code {"credential": {...}, "options": {...}}}
   */
  public IssueResult issue(JsonNode request, Optional<String> idempotencyKey) {
    return issue(request, idempotencyKey, AuditEvent.SYSTEM);
  }

  /**
   * @param actor who asks (a user id, or {@code system}), recorded in the audit event written with the credential
   */
  public IssueResult issue(JsonNode request, Optional<String> idempotencyKey, String actor) {
    return issue(request, idempotencyKey, actor, Json.sortedSha256(request), stored -> {});
  }

  /** Work that belongs to a new credential and must commit or roll back with it (e.g. the email telling the learner). */
  @FunctionalInterface
  public interface AlongWithIssue {
    void stored(StoredCredential credential);
  }

  /**
   * @param requestHash what makes a retry "the same request" for the Idempotency-Key: normally the hash of the body;
   *     an award passes the hash of its inputs, since its credential carries fresh random salts each time
   * @param alongWith runs in the issuing transaction, after the credential is stored; never for a replay
   */
  public IssueResult issue(
      JsonNode request, Optional<String> idempotencyKey, String actor, byte[] requestHash, AlongWithIssue alongWith) {
    if (idempotencyKey.isPresent()) {
      Optional<IssueResult> earlier = replay(idempotencyKey.get(), requestHash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    JsonNode credential = request.get("credential");
    if (credential != null && credential.has("credentialStatus")) {
      return new IssueResult.Invalid(List.of(new FieldError("/credential/credentialStatus",
          "is assigned by the issuer (a revocation and a suspension entry); leave it out")));
    }
    String issuer = issuerId(credential);
    Optional<String> organisation = dids.slugOf(issuer);
    UUID uuid = UUID.randomUUID();
    StoredCredential stored;
    try {
      stored = transactions.executeWrite(status -> {
        // an organisation's DID signs with its own keys and lists; any other issuer goes to the service's keys,
        // and the pipeline refuses an issuer that is not the service's DID
        Function<KeyAlgorithm, SigningKey> keys = keyRing::key;
        if (organisation.isPresent()) {
          if (issuerKeys.active(issuer, KeyAlgorithm.ED25519).isEmpty()) {
            throw new Refused(List.of(new FieldError("/credential/issuer",
                "no organisation issues as " + issuer + " here: an organisation must be enabled for issuing first")));
          }
          keys = algorithm -> issuerKeys.active(issuer, algorithm).orElseThrow();
        }
        JsonNode withStatus = credential;
        if (credential != null && credential.isObject()) {
          ObjectNode copy = ((ObjectNode) credential).deepCopy();
          copy.set("credentialStatus",
              allocateStatus.statusFor(organisation.orElse(StatusListId.SERVICE), uuid, credential));
          withStatus = copy;
        }
        IssueOutcome outcome =
            pipeline.issue(
                withStatus, request.get("options"), keys, () -> settings.baseUrl() + "/credentials/" + uuid);
        if (outcome instanceof IssueOutcome.Rejected rejected) {
          throw new Refused(rejected.errors());
        }
        SecuredCredential issued = ((IssueOutcome.Issued) outcome).credential();
        CredentialRow row = row(uuid, issued, clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.store(
            row,
            idempotencyKey.map(key -> new IdempotencyRow(key, requestHash, uuid, row.issuedAt())).orElse(null));
        audit.record(actor, organisations.byIssuerDid(row.issuer()).map(Organisation::id), "credential.issued",
            Optional.of(row.credentialId()), AuditEvent.Outcome.SUCCESS,
            Json.newObject().put("uuid", uuid.toString()).put("format", row.format()));
        StoredCredential result = StoredCredential.of(row);
        alongWith.stored(result);
        return result;
      });
    } catch (Refused refused) {
      return new IssueResult.Invalid(refused.errors);
    } catch (DataAccessException e) {
      Optional<String> constraint = UniqueViolation.constraint(e);
      if (constraint.isEmpty()) {
        throw e;
      }
      if (constraint.get().equals("credential_id_unique")) {
        return new IssueResult.DuplicateCredentialId(credential.path("id").asText());
      }
      if (idempotencyKey.isPresent()) {
        Optional<IssueResult> winner = replay(idempotencyKey.get(), requestHash);
        if (winner.isPresent()) {
          return winner.get();
        }
      }
      throw e;
    }
    return new IssueResult.Issued(stored, false);
  }

  /** The issuer's id as the request gives it: a string, or an object's {@code id}; empty when neither. */
  private static String issuerId(JsonNode credential) {
    JsonNode issuer = credential == null ? null : credential.get("issuer");
    if (issuer == null) {
      return "";
    }
    return issuer.isTextual() ? issuer.textValue() : issuer.path("id").asText("");
  }

  /** Rolls the issuing transaction back (and with it the status entries taken) when validation refuses. */
  private static final class Refused extends RuntimeException {
    private final transient List<FieldError> errors;

    Refused(List<FieldError> errors) {
      super(null, null, false, false);
      this.errors = errors;
    }
  }

  public Optional<StoredCredential> find(UUID uuid) {
    return credentials.findById(uuid).map(StoredCredential::of);
  }

  private Optional<IssueResult> replay(String key, byte[] requestHash) {
    return idempotency
        .findById(key)
        .map(
            earlier ->
                Arrays.equals(earlier.requestSha256(), requestHash)
                    ? new IssueResult.Issued(
                        credentials.findById(earlier.credentialUuid()).map(StoredCredential::of).orElseThrow(), true)
                    : new IssueResult.IdempotencyKeyReused(key));
  }

  private static CredentialRow row(UUID uuid, SecuredCredential secured, Instant issuedAt) {
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
        issuedAt);
  }
}
