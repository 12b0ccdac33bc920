package org.saypro.dcop.accounts.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Grants and withdrawals of e-mail consent. Callers hold the transaction. */
@Singleton
public class EmailConsents {

  private final JdbcOperations jdbc;

  EmailConsents(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** The purposes the member consents to now. */
  public Set<ConsentPurpose> current(UUID user) {
    return jdbc.prepareStatement("select purpose from email_consent where user_id = ? and withdrawn_at is null", s -> {
      s.setObject(1, user);
      Set<ConsentPurpose> granted = EnumSet.noneOf(ConsentPurpose.class);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ConsentPurpose.fromLabel(r.getString(1)).ifPresent(granted::add);
        }
      }
      return granted;
    });
  }

  /** Grants or withdraws each purpose given; an unchanged choice writes nothing, so the history shows real changes. */
  public void set(UUID user, Map<ConsentPurpose, Boolean> choices) {
    Set<ConsentPurpose> now = current(user);
    choices.forEach((purpose, granted) -> {
      if (granted && !now.contains(purpose)) {
        PersonalRows.update(jdbc, "insert into email_consent (user_id, purpose) values (?, ?)", user, purpose.label());
      } else if (!granted && now.contains(purpose)) {
        PersonalRows.update(jdbc, "update email_consent set withdrawn_at = now() where user_id = ? and purpose = ?"
            + " and withdrawn_at is null", user, purpose.label());
      }
    });
  }
}
