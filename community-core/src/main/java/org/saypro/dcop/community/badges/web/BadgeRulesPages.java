package org.saypro.dcop.community.badges.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.community.badges.BadgeRules;
import org.saypro.dcop.community.badges.RuleDefinition;
import org.saypro.dcop.community.badges.RuleText;
import org.saypro.dcop.community.badges.StoredRule;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The console's badge rule pages: the list, the YAML editor, the dry run's table and the backfill. */
@Controller("/console/{slug}/badge-rules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class BadgeRulesPages {

  private static final String EXAMPLE = """
      name: Curriculum Innovation regular
      trigger: webinar.attended
      badge: CI-REGULAR
      when:
        count: webinar.attended
        atLeast: 3
        withinMonths: 12
        group: curriculum-innovation
      """;

  private final Authorizer authorizer;
  private final BadgeRules rules;
  private final FormTokens formTokens;
  private final Pages pages;

  BadgeRulesPages(Authorizer authorizer, BadgeRules rules, FormTokens formTokens, Pages pages) {
    this.authorizer = authorizer;
    this.rules = rules;
    this.formTokens = formTokens;
    this.pages = pages;
  }

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> list(@Nullable Authentication authentication, String slug, HttpRequest<?> request) {
    Organisation organisation = Admin.of(authorizer, authentication, slug).organisation();
    return HttpResponse.ok(listPage(request, organisation, EXAMPLE, List.of()));
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> add(@Nullable Authentication authentication, String slug, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    String yaml = form.getOrDefault("yaml", "");
    try {
      StoredRule rule = rules.create(admin.organisation(), parse(yaml), admin.caller().actor());
      return HttpResponse.seeOther(URI.create("/console/" + slug + "/badge-rules/" + rule.id()));
    } catch (ProblemException e) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST)
          .body(listPage(request, admin.organisation(), yaml, errors(e)));
    }
  }

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> show(@Nullable Authentication authentication, String slug, UUID id, HttpRequest<?> request) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    StoredRule rule = rules.find(admin.organisation(), id);
    return HttpResponse.ok(rulePage(request, admin.organisation(), rule, RuleText.yaml(rule.definition()), Map.of()));
  }

  @Post(uri = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> edit(@Nullable Authentication authentication, String slug, UUID id,
      @Body Map<String, String> form, HttpRequest<?> request) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    String yaml = form.getOrDefault("yaml", "");
    try {
      rules.edit(admin.organisation(), id, parse(yaml), admin.caller().actor());
      return HttpResponse.seeOther(URI.create("/console/" + slug + "/badge-rules/" + id));
    } catch (ProblemException e) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST).body(rulePage(request, admin.organisation(),
          rules.find(admin.organisation(), id), yaml, Map.of("errors", errors(e))));
    }
  }

  @Post(uri = "/{id}/dry-run", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> dryRun(@Nullable Authentication authentication, String slug, UUID id,
      @Body Map<String, String> form, HttpRequest<?> request) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    StoredRule rule = rules.find(admin.organisation(), id);
    return HttpResponse.ok(rulePage(request, admin.organisation(), rule, RuleText.yaml(rule.definition()),
        Map.of("qualifiers", rules.dryRun(rule))));
  }

  @Post(uri = "/{id}/backfill", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> backfill(@Nullable Authentication authentication, String slug, UUID id,
      @Body Map<String, String> form, HttpRequest<?> request) {
    Admin admin = Admin.of(authorizer, authentication, slug);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    StoredRule rule = rules.find(admin.organisation(), id);
    int awarded = rules.backfill(admin.organisation(), rule, admin.caller().actor());
    return HttpResponse.ok(rulePage(request, admin.organisation(), rule, RuleText.yaml(rule.definition()),
        Map.of("backfilled", awarded)));
  }

  private static RuleDefinition parse(String yaml) {
    RuleText.Parsed parsed = RuleText.parseYaml(yaml);
    if (parsed instanceof RuleText.Parsed.Invalid invalid) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the badge rule is not valid", invalid.errors());
    }
    return ((RuleText.Parsed.Valid) parsed).rule();
  }

  /** Bad input is shown on the form; any other problem (403, 404) ends the request as usual. */
  private static List<String> errors(ProblemException e) {
    if (e.problem().status() != 400) {
      throw e;
    }
    return e.problem().errors().isEmpty() ? List.of(e.problem().detail())
        : e.problem().errors().stream().map(f -> f.pointer() + ": " + f.detail()).toList();
  }

  private Object listPage(HttpRequest<?> request, Organisation organisation, String yaml, List<String> errors) {
    return pages.view("badges/rules", request, Map.of("org", org(organisation),
        "rules", rules.list(organisation).stream().map(r -> Map.of("id", r.id().toString(),
            "name", r.definition().name(), "badge", r.definition().badge(), "trigger", r.definition().trigger(),
            "version", r.version(), "locked", r.locked())).toList(),
        "yaml", yaml, "errors", errors));
  }

  private Object rulePage(HttpRequest<?> request, Organisation organisation, StoredRule rule, String yaml,
      Map<String, Object> extra) {
    Map<String, Object> values = new HashMap<>(extra);
    values.putIfAbsent("errors", List.of());
    values.put("org", org(organisation));
    values.put("rule", Map.of("id", rule.id().toString(), "name", rule.definition().name(),
        "version", rule.version(), "locked", rule.locked()));
    values.put("yaml", yaml);
    values.put("versions", rules.versions(rule).stream().map(v -> Map.of("version", v.version(),
        "locked", v.locked(), "createdAt", v.createdAt().toString(), "yaml", RuleText.yaml(v.definition())))
        .toList());
    values.put("awards", rules.awards(rule).stream().map(a -> Map.of("member", a.userId().toString(),
        "version", a.ruleVersion(), "awardedAt", a.awardedAt().toString(),
        "credential", a.credential().map(c -> "/credentials/" + c).orElse(""),
        "revoked", a.revokeReason().map(r -> "revoked: " + r).orElse(""))).toList());
    return pages.view("badges/rule", request, values);
  }

  private static Map<String, Object> org(Organisation organisation) {
    return Map.of("slug", organisation.slug(), "name", organisation.name(), "admin", true,
        "issues", organisation.issuerDid().isPresent());
  }
}
