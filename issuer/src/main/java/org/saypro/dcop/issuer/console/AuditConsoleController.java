package org.saypro.dcop.issuer.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.users.User;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.accounts.web.Pages;

/** The organisation's audit log for its admins, newest first, fifty at a time. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class AuditConsoleController {

  private static final int PAGE = 50;

  private final ConsoleOrganisation access;
  private final AuditLog audit;
  private final TransactionOperations<Connection> transactions;
  private final UserStore users;
  private final Pages pages;

  AuditConsoleController(ConsoleOrganisation access, AuditLog audit, TransactionOperations<Connection> transactions,
      UserStore users, Pages pages) {
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.users = users;
    this.pages = pages;
  }

  @Get(uri = "/console/{slug}/audit", produces = MediaType.TEXT_HTML)
  HttpResponse<?> events(@Nullable Authentication authentication, String slug, @Nullable @QueryValue Long before,
                         HttpRequest<?> request) {
    ConsoleOrganisation.Officer admin = access.admin(authentication, slug);
    List<Map<String, Object>> rows = transactions.executeRead(status -> {
      List<AuditEvent> events = audit.forOrganisation(admin.organisation().id(), PAGE + 1, Optional.ofNullable(before));
      Map<String, String> names = new HashMap<>();
      return events.stream().map(e -> row(e, names.computeIfAbsent(e.actor(), this::actorName))).toList();
    });
    Map<String, Object> values = new HashMap<>();
    values.put("org", admin.model());
    values.put("events", rows.stream().limit(PAGE).toList());
    values.put("next", rows.size() > PAGE ? rows.get(PAGE - 1).get("id").toString() : "");
    return HttpResponse.ok(pages.view("console/audit", request, values));
  }

  /** Users by e-mail address; "system" and anything else as recorded. */
  private String actorName(String actor) {
    try {
      return users.byId(UUID.fromString(actor)).map(User::email).orElse(actor);
    } catch (IllegalArgumentException e) {
      return actor;
    }
  }

  private static Map<String, Object> row(AuditEvent event, String actor) {
    return Map.of("id", event.id(), "at", IssuedConsoleController.WHEN.format(event.at()), "actor", actor,
        "action", event.action(), "subject", event.subject().orElse(""), "outcome", event.outcome().label(),
        "detail", event.detail().toString());
  }
}
