package org.saypro.dcop.accounts.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * A member's personal data over every module's {@link PersonalDataSection}: the export, read in one transaction so it
 * is consistent, and the erasure, written in one transaction with its audit event so it happens entirely or not at all.
 */
@Singleton
public class PersonalData {

  private final List<PersonalDataSection> sections;
  private final JdbcOperations jdbc;
  private final AuditLog audit;
  private final TransactionOperations<Connection> transactions;

  PersonalData(List<PersonalDataSection> sections, JdbcOperations jdbc, AuditLog audit,
      TransactionOperations<Connection> transactions) {
    List<PersonalDataSection> ordered = new ArrayList<>(sections);
    OrderUtil.sort(ordered);
    this.sections = List.copyOf(ordered);
    this.jdbc = jdbc;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Every section's data about the member, the export audited as the caller's act. */
  public ObjectNode export(Caller by, UUID user) {
    return transactions.executeWrite(status -> {
      DataSubject subject = subject(user, "");
      ObjectNode json = Json.newObject();
      json.put("exportedAt", Instant.now().toString());
      json.put("member", user.toString());
      ObjectNode all = json.putObject("sections");
      sections.forEach(s -> all.set(s.name(), s.export(subject)));
      audit.record(by.actor(), Optional.empty(), "personal-data.exported", Optional.of(user.toString()),
          AuditEvent.Outcome.SUCCESS, Json.newObject());
      return json;
    });
  }

  /**
   * Erases the member's personal data in every section and records who asked, all in one transaction. Refused when
   * it would leave the platform without an administrator.
   */
  public void erase(Caller by, UUID user) {
    transactions.executeWrite(status -> {
      // the row lock makes a second, concurrent erasure wait and then find nothing left to erase
      DataSubject subject = subject(user, " for update");
      boolean lastAdmin = PersonalRows.query(jdbc, "select 1 from app_user where id = ? and platform_admin and not"
          + " exists (select 1 from app_user o where o.platform_admin and not o.disabled and o.id <> ?)", user, user)
          .size() == 1;
      if (lastAdmin) {
        throw new ProblemException(ProblemType.LAST_PLATFORM_ADMIN,
            "this is the only platform admin; make someone else a platform admin first");
      }
      sections.forEach(s -> s.erase(subject));
      audit.record(by.actor(), Optional.empty(), "personal-data.erased", Optional.of(user.toString()),
          AuditEvent.Outcome.SUCCESS, Json.newObject().put("requestedBy",
              by.user().id().equals(user) ? "member" : "platform-admin"));
      return null;
    });
  }

  /** Every {@code table.column} some section answers for. */
  public Set<String> claimedColumns() {
    Set<String> all = new TreeSet<>();
    sections.forEach(s -> all.addAll(s.columns()));
    return all;
  }

  private DataSubject subject(UUID user, String lock) {
    var rows = PersonalRows.query(jdbc, "select email from app_user where id = ? and erased_at is null" + lock, user);
    if (rows.isEmpty()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no member with personal data has the id " + user);
    }
    return new DataSubject(user, rows.get(0).get("email").asText());
  }
}
