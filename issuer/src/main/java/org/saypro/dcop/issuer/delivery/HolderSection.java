package org.saypro.dcop.issuer.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Set;
import org.saypro.dcop.accounts.privacy.DataSubject;
import org.saypro.dcop.accounts.privacy.PersonalDataSection;
import org.saypro.dcop.accounts.privacy.PersonalRows;
import org.saypro.dcop.core.json.Json;

/**
 * Credentials the member holds or was sent, their claim links and the e-mails to their address. The credentials, their
 * status entries and log entries are the issuers' signed statements and stay untouched, so they keep verifying; what
 * the service holds beyond them (who holds which, claim links, e-mails to the address) is deleted. Status changes
 * the member made as an officer stay, as the audit log does.
 */
@Singleton
class HolderSection implements PersonalDataSection {

  /** The credentials the member holds, or that were e-mailed to their address. */
  private static final String THEIRS = "(select credential_uuid from credential_holder where user_id = ?"
      + " union select credential_uuid from email_outbox where lower(to_address) = lower(?)"
      + " and credential_uuid is not null)";

  private final JdbcOperations jdbc;

  HolderSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "credentials";
  }

  @Override
  public int getOrder() {
    return 200;
  }

  @Override
  public Set<String> columns() {
    return Set.of("credential_holder.user_id", "email_outbox.to_address", "email_outbox.learner_name",
        "status_change.actor", "credential.subject");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("credentials", PersonalRows.query(jdbc, "select c.uuid, c.credential_id, c.issuer, c.types, c.format,"
        + " c.issued_at, h.claimed_at, c.secured_form as credential from credential c"
        + " left join credential_holder h on h.credential_uuid = c.uuid and h.user_id = ?"
        + " where c.uuid in " + THEIRS + " order by c.issued_at", subject.id(), subject.id(), subject.email()));
    json.set("claimLinks", PersonalRows.query(jdbc, "select credential_uuid, created_at, expires_at, claimed_at,"
        + " 'held as a SHA-256 hash, never exported' as token from claim_token where credential_uuid in " + THEIRS
        + " order by created_at", subject.id(), subject.email()));
    json.set("claimStates", PersonalRows.query(jdbc, "select credential_uuid, claimed_at, revoked_at,"
        + " 'not stored: each link carries its credential and expiry under the service''s MAC' as links"
        + " from claim_state where credential_uuid in " + THEIRS + " order by credential_uuid", subject.id(),
        subject.email()));
    // award emails since V41 never store their text; a finished text (any other, or an older award) may hold a link
    json.set("emails", PersonalRows.query(jdbc, "select id, subject, credential_uuid, learner_name,"
        + " organisation_name, qualification_title, created_at, sent_at, attempts,"
        + " case when body_text is not null then 'not exported: it may carry a live claim link' end as body"
        + " from email_outbox"
        + " where lower(to_address) = lower(?) order by id", subject.email()));
    json.set("statusChangesMade", PersonalRows.query(jdbc, "select credential_uuid, purpose, action, reason, changed_at"
        + " from status_change where actor = ? order by changed_at", subject.id().toString()));
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    // no link sent to them opens anything any more: links are not stored, so their credentials' links are revoked
    PersonalRows.update(jdbc, "insert into claim_state (credential_uuid, revoked_at) select credential_uuid, now()"
        + " from " + THEIRS + " as theirs(credential_uuid)"
        + " on conflict (credential_uuid) do update set revoked_at = coalesce(claim_state.revoked_at, now())",
        subject.id(), subject.email());
    PersonalRows.update(jdbc, "delete from claim_token where credential_uuid in " + THEIRS, subject.id(),
        subject.email());
    PersonalRows.update(jdbc, "delete from email_outbox where lower(to_address) = lower(?)", subject.email());
    PersonalRows.update(jdbc, "delete from credential_holder where user_id = ?", subject.id());
  }
}
