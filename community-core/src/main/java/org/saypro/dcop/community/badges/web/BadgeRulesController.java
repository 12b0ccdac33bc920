package org.saypro.dcop.community.badges.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.community.badges.BadgeAward;
import org.saypro.dcop.community.badges.BadgeRules;
import org.saypro.dcop.community.badges.StoredRule;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** An organisation's badge rules over JSON, for its admins: write, version, dry-run, backfill, revoke. */
@Controller("/organisations/{slug}/badge-rules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Badge rules")
class BadgeRulesController {

  private final Authorizer authorizer;
  private final BadgeRules rules;

  BadgeRulesController(Authorizer authorizer, BadgeRules rules) {
    this.authorizer = authorizer;
    this.rules = rules;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The organisation's badge rules, each at its current version")
  String list(@Nullable Authentication authentication, String slug) {
    Organisation organisation = Admin.of(authorizer, authentication, slug).organisation();
    ObjectNode json = Json.newObject();
    ArrayNode list = json.putArray("rules");
    rules.list(organisation).forEach(rule -> list.add(RuleJson.rule(organisation, rule)));
    return Json.writeString(json);
  }

  @Post(consumes = {MediaType.APPLICATION_JSON, RuleJson.YAML, "text/yaml"}, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a badge rule",
      description = "JSON or YAML (application/yaml): {name, trigger (an event type), badge (a qualification code of"
          + " the organisation), when: a condition}; a condition is {count: type, atLeast, withinMonths?, group?},"
          + " {sum: type, field, atLeast, withinMonths?, group?}, {allOf: [...]} or {anyOf: [...]}")
  HttpResponse<String> add(@Nullable Authentication authentication, String slug, HttpRequest<?> request,
      @Body byte[] body) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    StoredRule rule = rules.create(admin.organisation(), RuleJson.read(request, body), admin.caller().actor());
    return HttpResponse.<String>status(HttpStatus.CREATED)
        .header("Location", "/organisations/" + slug + "/badge-rules/" + rule.id())
        .body(Json.writeString(RuleJson.rule(admin.organisation(), rule)));
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "A badge rule: its current version, every earlier version, and its awards")
  String show(@Nullable Authentication authentication, String slug, UUID id) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    StoredRule rule = rules.find(admin.organisation(), id);
    ObjectNode json = RuleJson.rule(admin.organisation(), rule);
    ArrayNode versions = json.putArray("versions");
    rules.versions(rule).forEach(v -> versions.add(RuleJson.rule(admin.organisation(), v)));
    ArrayNode awards = json.putArray("awards");
    for (BadgeAward award : rules.awards(rule)) {
      ObjectNode item = RuleJson.award(award);
      ArrayNode evidence = item.putArray("events");
      rules.evidence(award).forEach(evidence::add);
      awards.add(item);
    }
    return Json.writeString(json);
  }

  @Put(uri = "/{id}", consumes = {MediaType.APPLICATION_JSON, RuleJson.YAML, "text/yaml"},
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Edit a badge rule",
      description = "Replaces the current version, unless something was awarded under it: then adds a version")
  String edit(@Nullable Authentication authentication, String slug, UUID id, HttpRequest<?> request,
      @Body byte[] body) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    return Json.writeString(RuleJson.rule(admin.organisation(),
        rules.edit(admin.organisation(), id, RuleJson.read(request, body), admin.caller().actor())));
  }

  @Post(uri = "/{id}/dry-run", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Who meets the rule now (awarded or not); awards nothing")
  String dryRun(@Nullable Authentication authentication, String slug, UUID id) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    ObjectNode json = Json.newObject();
    ArrayNode list = json.putArray("qualifiers");
    rules.dryRun(rules.find(admin.organisation(), id)).forEach(q -> list.addObject()
        .put("member", q.userId().toString()).put("email", q.email()).put("displayName", q.displayName())
        .put("events", q.events()).put("awarded", q.awarded()));
    return Json.writeString(json);
  }

  @Post(uri = "/{id}/backfill", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Award the rule's badge to everyone who already meets it, sending no emails")
  String backfill(@Nullable Authentication authentication, String slug, UUID id) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    int awarded = rules.backfill(admin.organisation(), rules.find(admin.organisation(), id), admin.caller().actor());
    return Json.writeString(Json.newObject().put("awarded", awarded));
  }

  @Post(uri = "/{id}/awards/{member}/revoke", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Revoke a member's award through the status list", description = "Body: {\"reason\": \"...\"}, kept in the audit log")
  String revoke(@Nullable Authentication authentication, String slug, UUID id, String member, @Body byte[] body) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    UUID user;
    try {
      user = UUID.fromString(member);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no member " + member);
    }
    return Json.writeString(RuleJson.award(rules.revoke(admin.organisation(), rules.find(admin.organisation(), id),
        user, admin.caller().actor(), RuleJson.reason(body))));
  }
}
