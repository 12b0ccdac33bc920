package org.saypro.dcop.sharing.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Set;
import org.saypro.dcop.accounts.privacy.DataSubject;
import org.saypro.dcop.accounts.privacy.PersonalDataSection;
import org.saypro.dcop.accounts.privacy.PersonalRows;

/**
 * Public-page settings and counts of the credentials the member holds. Erasure resets the counts and leaves each page
 * showing only that the credential exists and verifies (a hidden page stays hidden): anyone the member gave a link can
 * still check it, but the service no longer publishes the member's details. Runs before the holders are deleted.
 */
@Singleton
class SharingSection implements PersonalDataSection {

  private static final String HELD = "(select credential_uuid from credential_holder where user_id = ?)";

  private final JdbcOperations jdbc;

  SharingSection(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "sharing";
  }

  @Override
  public int getOrder() {
    return 100;
  }

  @Override
  public Set<String> columns() {
    return Set.of();
  }

  @Override
  public JsonNode export(DataSubject subject) {
    return PersonalRows.query(jdbc, "select credential_uuid, visibility, views, verifications, updated_at"
        + " from credential_sharing where credential_uuid in " + HELD + " order by updated_at", subject.id());
  }

  @Override
  public void erase(DataSubject subject) {
    PersonalRows.update(jdbc, "insert into credential_sharing (credential_uuid, visibility) select credential_uuid, '"
        + Visibility.EXISTS_ONLY.label() + "' from credential_holder where user_id = ? on conflict (credential_uuid)"
        + " do update set visibility = case when credential_sharing.visibility = '" + Visibility.HIDDEN.label()
        + "' then credential_sharing.visibility else excluded.visibility end, views = 0, verifications = 0,"
        + " updated_at = now()", subject.id());
  }
}
