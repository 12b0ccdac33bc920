package org.saypro.dcop.issuer.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.log.AppendToLog;

/**
 * Revokes, suspends or reinstates a credential. One transaction: the credential's row is locked first, so its two
 * bits change one at a time (a suspension cannot slip past a revocation), then the list's row, so changes to one
 * list queue up and each one's rebuild includes every change committed before it (no lost update); the entry is
 * changed, the change audited with actor and reason, a statement of it appended to the transparency log, and the list
 * republished. A failure anywhere leaves nothing behind.
 */
@Singleton
public class ChangeCredentialStatus {

  private final StatusStore store;
  private final PublishStatusList publish;
  private final AppendToLog log;
  private final AuditLog audit;
  private final OrganisationStore organisations;
  private final Clock clock = Clock.systemUTC();

  ChangeCredentialStatus(StatusStore store, PublishStatusList publish, AppendToLog log, AuditLog audit,
      OrganisationStore organisations) {
    this.store = store;
    this.publish = publish;
    this.log = log;
    this.audit = audit;
    this.organisations = organisations;
  }

  /** The issuer DID the credential was issued under, if it was issued here. */
  @Transactional(readOnly = true)
  public Optional<String> issuerOf(UUID credential) {
    return store.issuerOf(credential);
  }

  /** The credential issued with this id (its {@code id} URL), if it was issued here. */
  @Transactional(readOnly = true)
  public Optional<UUID> findByCredentialId(String credentialId) {
    return store.credentialById(credentialId).map(StatusStore.IssuedCredential::uuid);
  }

  @Transactional(readOnly = true)
  public Optional<CredentialStatusView> status(UUID credential) {
    return view(credential);
  }

  @Transactional
  public StatusChangeResult change(UUID credential, StatusAction action, String actor, String reason) {
    // changes of one credential queue up here, then changes of one list at lockList (always in this order)
    Optional<StatusStore.IssuedCredential> issued = store.lockCredential(credential);
    if (issued.isEmpty()) {
      return new StatusChangeResult.UnknownCredential();
    }
    // the credential's row lock makes this view stable: its other changes wait for ours
    Optional<CredentialStatusView> before = view(credential);
    if (before.isEmpty()) {
      return new StatusChangeResult.NoStatusEntry(action.purpose());
    }
    if (before.get().revoked() && action != StatusAction.REVOKE) {
      return new StatusChangeResult.RevocationIsFinal(before.get());
    }
    Optional<StatusStore.Entry> target = store.entry(credential, action.purpose());
    if (target.isEmpty()) {
      // a badge has no suspension entry: it is never suspended, so reinstating it asks for what already holds
      return action == StatusAction.REINSTATE
          ? new StatusChangeResult.AlreadySo(before.get())
          : new StatusChangeResult.NoStatusEntry(action.purpose());
    }
    boolean current =
        action.purpose() == StatusListId.Purpose.REVOCATION ? before.get().revoked() : before.get().suspended();
    if (current == action.sets()) {
      return new StatusChangeResult.AlreadySo(before.get());
    }
    StatusListId list = target.get().list();
    // changes of one list queue up here, so each rebuild includes every change committed before it
    int size = store.lockList(list);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    StatusStore.Entry entry = target.get();
    store.setEntry(list, entry.index(), action.sets(), now);
    String statement = statement(issued.get(), action, publish.url(list), entry.index(), now);
    long changeId =
        store.insertChange(credential, action.purpose().label(), action.label(), actor, reason, statement, now);
    log.statusChange(changeId, credential, Json.sha256(statement.getBytes(StandardCharsets.UTF_8)), now);
    publish.rebuild(list, size);
    // the audit event commits with the change, or neither does
    audit.record(actor, store.issuerOf(credential).flatMap(organisations::byIssuerDid).map(Organisation::id),
        "status.changed", Optional.of(issued.get().credentialId()), AuditEvent.Outcome.SUCCESS,
        Json.newObject().put("action", action.label()).put("reason", reason).put("changeId", changeId));
    return new StatusChangeResult.Changed(view(credential).orElseThrow(), now);
  }

  /** Empty for a credential with no status entry at all; a badge has a revocation entry only. */
  private Optional<CredentialStatusView> view(UUID credential) {
    Optional<StatusStore.Entry> revocation = store.entry(credential, StatusListId.Purpose.REVOCATION);
    Optional<StatusStore.Entry> suspension = store.entry(credential, StatusListId.Purpose.SUSPENSION);
    if (revocation.isEmpty() && suspension.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CredentialStatusView(
            credential, revocation.map(StatusStore.Entry::set).orElse(false),
            revocation.map(StatusStore.Entry::changedAt), suspension.isPresent(),
            suspension.map(StatusStore.Entry::set).orElse(false), suspension.map(StatusStore.Entry::changedAt)));
  }

  /**
   * What the log commits to: which credential (by id and by the hash the log holds for its issuance), which bit,
   * its new value, and when. The reason stays in the audit table: it may name people.
   */
  private static String statement(
      StatusStore.IssuedCredential credential, StatusAction action, String listUrl, int index, Instant at) {
    ObjectNode json = Json.newObject();
    json.put("type", "CredentialStatusChange");
    json.put("credential", credential.credentialId());
    json.put("credentialSha256", HexFormat.of().formatHex(credential.securedSha256()));
    json.put("statusPurpose", action.purpose().label());
    json.put("statusListCredential", listUrl);
    json.put("statusListIndex", Integer.toString(index));
    json.put("set", action.sets());
    json.put("action", action.label());
    json.put("time", at.toString());
    return Json.writeString(json);
  }
}
