package org.saypro.dcop.issuer.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.accounts.users.Role;
import org.saypro.dcop.accounts.web.Pages;

/** {@code /console}: the organisations the signed-in user may work for. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ConsoleHomeController {

  private final Authorizer authorizer;
  private final OrganisationStore organisations;
  private final Pages pages;

  ConsoleHomeController(Authorizer authorizer, OrganisationStore organisations, Pages pages) {
    this.authorizer = authorizer;
    this.organisations = organisations;
    this.pages = pages;
  }

  @Get(uri = "/console", produces = MediaType.TEXT_HTML)
  @Transactional(readOnly = true)
  HttpResponse<?> home(@Nullable Authentication authentication, HttpRequest<?> request) {
    Caller caller = authorizer.signedIn(authentication);
    List<Map<String, Object>> rows = (caller.platformAdmin() ? organisations.all()
        : caller.memberships().stream().filter(m -> m.role() == Role.OFFICER || m.role() == Role.ORG_ADMIN)
            .map(m -> organisations.byId(m.organisationId())).flatMap(java.util.Optional::stream).toList())
        .stream().map(o -> Map.<String, Object>of("slug", o.slug(), "name", o.name(), "kind", o.kind().label(),
            "issues", o.issuerDid().isPresent(), "role", role(caller, o))).toList();
    return HttpResponse.ok(pages.view("console/home", request,
        Map.of("email", caller.user().email(), "organisations", rows)));
  }

  private static String role(Caller caller, Organisation organisation) {
    return caller.roleIn(organisation.id()).map(Role::label).orElse(caller.platformAdmin() ? "platform admin" : "");
  }
}
