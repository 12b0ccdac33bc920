package org.saypro.dcop.issuer.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;

/**
 * Issues credentials: idempotency first, then the pipeline and storage in one transaction for all the credentials of
 * a call ({@link IssueInOneTransaction}). When that transaction fails because of one credential (refused, or a unique
 * constraint), each is issued in a transaction of its own, so the others still land and only that one is refused. A
 * concurrent request with the same Idempotency-Key loses the race at the unique constraint and is answered with the
 * winner's credential.
 */
@Singleton
public class IssueCredentialService {

  private final IssueInOneTransaction transaction;
  private final CredentialRepository credentials;
  private final IdempotencyKeys idempotency;

  IssueCredentialService(
      IssueInOneTransaction transaction, CredentialRepository credentials, IdempotencyKeys idempotency) {
    this.transaction = transaction;
    this.credentials = credentials;
    this.idempotency = idempotency;
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
    return issue(List.of(new IssueRequest(request, idempotencyKey, Json.sortedSha256(request))), actor, made -> {})
        .get(0);
  }

  /** Work that belongs to new credentials and must commit or roll back with them (e.g. the emails telling learners). */
  @FunctionalInterface
  public interface AlongWithIssue {
    void stored(List<NewCredential> credentials);
  }

  /**
   * Issues each request: a replay of an earlier one answers with the credential it produced; the others are issued
   * together in one transaction.
   *
   * @param alongWith runs in the issuing transaction, after the credentials are stored; never for a replay
   * @return one result per request, in order
   */
  public List<IssueResult> issue(List<IssueRequest> requests, String actor, AlongWithIssue alongWith) {
    IssueResult[] results = new IssueResult[requests.size()];
    Map<String, IdempotencyKeys.Earlier> earlier =
        idempotency.earlier(requests.stream().flatMap(r -> r.idempotencyKey().stream()).distinct().toList());
    List<Integer> fresh = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      IssueRequest request = requests.get(i);
      Optional<IssueResult> answered = request.idempotencyKey().filter(earlier::containsKey)
          .map(key -> replay(key, earlier.get(key), request.requestHash()))
          .or(() -> refusedBeforeIssuing(request.credential()));
      if (answered.isPresent()) {
        results[i] = answered.get();
      } else {
        fresh.add(i);
      }
    }
    if (fresh.size() == 1) {
      results[fresh.get(0)] = alone(fresh.get(0), requests, actor, alongWith);
    } else if (!fresh.isEmpty()) {
      try {
        List<StoredCredential> stored = transaction.issue(fresh, requests, actor, alongWith);
        for (int i = 0; i < fresh.size(); i++) {
          results[fresh.get(i)] = new IssueResult.Issued(stored.get(i), false);
        }
      } catch (Refused | DataAccessException e) {
        for (int position : fresh) {
          results[position] = alone(position, requests, actor, alongWith);
        }
      }
    }
    return Arrays.asList(results);
  }

  private static Optional<IssueResult> refusedBeforeIssuing(JsonNode credential) {
    if (credential != null && credential.has("credentialStatus")) {
      return Optional.of(new IssueResult.Invalid(List.of(new FieldError("/credential/credentialStatus",
          "is assigned by the issuer (a revocation and a suspension entry); leave it out"))));
    }
    return Optional.empty();
  }

  /** Issues one request in a transaction of its own, and says why when it is refused. */
  private IssueResult alone(int position, List<IssueRequest> requests, String actor, AlongWithIssue alongWith) {
    IssueRequest request = requests.get(position);
    try {
      return new IssueResult.Issued(transaction.issue(List.of(position), requests, actor, alongWith).get(0), false);
    } catch (Refused refused) {
      return new IssueResult.Invalid(refused.errors());
    } catch (DataAccessException e) {
      Optional<String> constraint = UniqueViolation.constraint(e);
      if (constraint.isEmpty()) {
        throw e;
      }
      if (constraint.get().equals("credential_id_unique")) {
        return new IssueResult.DuplicateCredentialId(request.credential().path("id").asText());
      }
      Optional<String> key = request.idempotencyKey();
      Optional<IdempotencyKeys.Earlier> winner =
          key.flatMap(k -> Optional.ofNullable(idempotency.earlier(List.of(k)).get(k)));
      if (winner.isPresent()) {
        return replay(key.get(), winner.get(), request.requestHash());
      }
      throw e;
    }
  }

  public Optional<StoredCredential> find(UUID uuid) {
    return credentials.findById(uuid).map(StoredCredential::of);
  }

  private static IssueResult replay(String key, IdempotencyKeys.Earlier earlier, byte[] requestHash) {
    return Arrays.equals(earlier.requestSha256(), requestHash)
        ? new IssueResult.Issued(earlier.credential(), true)
        : new IssueResult.IdempotencyKeyReused(key);
  }
}
