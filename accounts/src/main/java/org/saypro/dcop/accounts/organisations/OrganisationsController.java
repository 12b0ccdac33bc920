package org.saypro.dcop.accounts.organisations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.signin.RequestBodies;
import org.saypro.dcop.accounts.users.AccountsAdmin;
import org.saypro.dcop.accounts.users.Membership;
import org.saypro.dcop.accounts.users.Role;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Organisations: public profiles; creation (platform admins); members and the audit log (their admins). */
@Controller("/organisations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Organisations")
class OrganisationsController {

  private static final int MAX_BODY = 16 * 1024;
  private static final int MAX_AUDIT_PAGE = 200;

  private final Authorizer authorizer;
  private final OrganisationStore organisations;
  private final AccountsAdmin admin;
  private final AuditLog audit;
  private final TransactionOperations<Connection> transactions;

  OrganisationsController(Authorizer authorizer, OrganisationStore organisations, AccountsAdmin admin,
      AuditLog audit, TransactionOperations<Connection> transactions) {
    this.authorizer = authorizer;
    this.organisations = organisations;
    this.admin = admin;
    this.audit = audit;
    this.transactions = transactions;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "All organisations (public profiles)")
  String all() {
    ArrayNode list = Json.mapper().createArrayNode();
    transactions.executeRead(status -> organisations.all()).forEach(o -> list.add(profile(o)));
    ObjectNode json = Json.newObject();
    json.set("organisations", list);
    return Json.writeString(json);
  }

  @Get(uri = "/{slug}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "An organisation's public profile")
  String one(String slug) {
    return Json.writeString(profile(authorizer.organisation(slug)));
  }

  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an organisation (platform admins)",
      description = "{\"slug\", \"name\", \"kind\": saypro | accreditation_body | college | employer | funder |"
          + " community, \"description\", \"website\"}")
  HttpResponse<String> create(@Nullable Authentication authentication, @Body byte[] body) {
    Caller caller = authorizer.platformAdmin(authentication);
    JsonNode json = JsonBodies.readObject(body, MAX_BODY);
    List<FieldError> errors = new ArrayList<>();
    Optional<String> slug = RequestBodies.text(json, "slug", 40, true, errors);
    if (slug.isPresent() && !Organisation.isSlug(slug.get())) {
      errors.add(new FieldError("/slug", "1 to 40 lower-case letters, digits and inner hyphens"));
    }
    Optional<String> name = RequestBodies.text(json, "name", 200, true, errors);
    Optional<OrganisationKind> kind = RequestBodies.text(json, "kind", 40, true, errors).flatMap(k -> {
      Optional<OrganisationKind> known = OrganisationKind.fromLabel(k);
      if (known.isEmpty()) {
        errors.add(new FieldError("/kind", "must be saypro, accreditation_body, college, employer, funder or community"));
      }
      return known;
    });
    Optional<String> description = RequestBodies.text(json, "description", 4000, false, errors);
    Optional<String> website = RequestBodies.text(json, "website", 500, false, errors);
    if (website.isPresent() && !website.get().matches("https?://.{1,490}")) {
      errors.add(new FieldError("/website", "must be an http(s) URL"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the organisation is not valid", errors);
    }
    Organisation created = admin.createOrganisation(caller.actor(), new Organisation(UUID.randomUUID(), slug.get(),
        name.get(), kind.get(), description, website, Optional.empty(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
    return HttpResponse.<String>status(HttpStatus.CREATED).body(Json.writeString(profile(created)))
        .contentType(MediaType.APPLICATION_JSON_TYPE).header("Location", "/organisations/" + created.slug());
  }

  @Put(uri = "/{slug}/members/{userId}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Give a user a role in the organisation (its admins, platform admins)",
      description = "{\"role\": org_admin | officer | member | funder_viewer}")
  String setRole(@Nullable Authentication authentication, String slug, String userId, @Body byte[] body) {
    Organisation organisation = authorizer.organisation(slug);
    Caller caller = authorizer.organisationAdmin(authentication, organisation);
    JsonNode json = JsonBodies.readObject(body, MAX_BODY);
    List<FieldError> errors = new ArrayList<>();
    Optional<Role> role = RequestBodies.text(json, "role", 40, true, errors).flatMap(Role::fromLabel);
    if (role.isEmpty() && errors.isEmpty()) {
      errors.add(new FieldError("/role", "must be org_admin, officer, member or funder_viewer"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the role is not valid", errors);
    }
    Membership membership = admin.setRole(caller.actor(), organisation, userId(userId), role.get());
    return Json.writeString(Json.newObject().put("userId", membership.userId().toString())
        .put("organisation", organisation.slug()).put("role", membership.role().label()));
  }

  @Delete(uri = "/{slug}/members/{userId}")
  @Operation(summary = "Take a user's role in the organisation away (its admins, platform admins)")
  HttpResponse<Void> removeMember(@Nullable Authentication authentication, String slug, String userId) {
    Organisation organisation = authorizer.organisation(slug);
    Caller caller = authorizer.organisationAdmin(authentication, organisation);
    admin.removeMember(caller.actor(), organisation, userId(userId));
    return HttpResponse.noContent();
  }

  @Get(uri = "/{slug}/audit{?limit,before}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The organisation's audit events, newest first (its admins, platform admins)",
      description = "limit: 1 to 200 (50); before: an event id, for the next page")
  String audit(@Nullable Authentication authentication, String slug, @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Long before) {
    Organisation organisation = authorizer.organisation(slug);
    authorizer.organisationAdmin(authentication, organisation);
    int size = limit == null ? 50 : limit;
    if (size < 1 || size > MAX_AUDIT_PAGE) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "limit must be 1 to " + MAX_AUDIT_PAGE);
    }
    List<AuditEvent> events =
        transactions.executeRead(status -> audit.forOrganisation(organisation.id(), size, Optional.ofNullable(before)));
    ArrayNode list = Json.mapper().createArrayNode();
    for (AuditEvent e : events) {
      ObjectNode item = list.addObject();
      item.put("id", e.id());
      item.put("at", e.at().toString());
      item.put("actor", e.actor());
      item.put("action", e.action());
      item.put("subject", e.subject().orElse(null));
      item.put("outcome", e.outcome().label());
      item.set("detail", e.detail());
    }
    ObjectNode json = Json.newObject();
    json.set("events", list);
    if (events.size() == size) {
      json.put("next", "/organisations/" + slug + "/audit?limit=" + size + "&before=" + events.get(size - 1).id());
    }
    return Json.writeString(json);
  }

  static UUID userId(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no user has this id");
    }
  }

  private static ObjectNode profile(Organisation o) {
    ObjectNode json = Json.newObject();
    json.put("slug", o.slug());
    json.put("name", o.name());
    json.put("kind", o.kind().label());
    json.put("description", o.description().orElse(null));
    json.put("website", o.website().orElse(null));
    json.put("issuerDid", o.issuerDid().orElse(null));
    return json;
  }
}
