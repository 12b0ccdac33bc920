package org.saypro.dcop.accounts.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Set;
import org.saypro.dcop.core.json.Json;

/**
 * The account itself: profile, roles, API tokens, e-mail consent and the audit events about the member. Erased last:
 * the row stays, anonymised and disabled, because posts, records others made and the append-only audit log point at
 * it. A password hash that is no Argon2id string never verifies, and a disabled user has no valid session.
 */
@Singleton
class AccountSection implements PersonalDataSection {

  /** A password hash that satisfies the column's check and matches no password. */
  static final String NO_PASSWORD = "$argon2id$erased";

  private final JdbcOperations jdbc;

  AccountSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "account";
  }

  @Override
  public int getOrder() {
    return 1000;
  }

  @Override
  public Set<String> columns() {
    return Set.of("app_user.email", "membership.user_id", "api_token.user_id", "email_consent.user_id",
        "audit_event.actor", "audit_event.subject");
  }

  @Override
  public JsonNode export(DataSubject subject) {
    ObjectNode json = Json.newObject();
    json.set("profile", PersonalRows.query(jdbc, "select id, email, display_name, platform_admin, disabled, created_at,"
        + " 'held as an Argon2id hash, never exported' as password from app_user where id = ?", subject.id()).get(0));
    json.set("memberships", PersonalRows.query(jdbc, "select o.slug as organisation, o.name as organisation_name,"
        + " m.role from membership m join organisation o on o.id = m.organisation_id where m.user_id = ?"
        + " order by o.slug", subject.id()));
    json.set("apiTokens", PersonalRows.query(jdbc, "select id, name, created_at, last_used_at, revoked_at,"
        + " 'held as a SHA-256 hash, never exported' as token from api_token where user_id = ? order by created_at",
        subject.id()));
    json.set("emailConsent", PersonalRows.query(jdbc, "select purpose, granted_at, withdrawn_at from email_consent"
        + " where user_id = ? order by id", subject.id()));
    json.set("auditEvents", PersonalRows.query(jdbc, "select id, at, actor, organisation_id, action, subject, outcome,"
        + " detail from audit_event where actor = ? or subject = ? or lower(subject) = lower(?) order by id",
        subject.id().toString(), subject.id().toString(), subject.email()));
    return json;
  }

  @Override
  public void erase(DataSubject subject) {
    PersonalRows.update(jdbc, "delete from membership where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "delete from api_token where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "delete from email_consent where user_id = ?", subject.id());
    PersonalRows.update(jdbc, "update app_user set email = 'erased-' || id || '@erased.invalid',"
        + " display_name = 'Former member ' || substr(md5(random()::text), 1, 8), password_hash = ?,"
        + " platform_admin = false, disabled = true, erased_at = now() where id = ?", NO_PASSWORD, subject.id());
  }
}
