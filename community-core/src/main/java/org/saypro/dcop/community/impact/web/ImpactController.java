package org.saypro.dcop.community.impact.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.api.CommunityJson;
import org.saypro.dcop.community.impact.Aggregation;
import org.saypro.dcop.community.impact.AutomaticValues;
import org.saypro.dcop.community.impact.DataEntry;
import org.saypro.dcop.community.impact.DataValue;
import org.saypro.dcop.community.impact.DataValues;
import org.saypro.dcop.community.impact.Framework;
import org.saypro.dcop.community.impact.Frameworks;
import org.saypro.dcop.community.impact.Indicator;
import org.saypro.dcop.community.impact.Observation;
import org.saypro.dcop.community.impact.OrgUnit;
import org.saypro.dcop.community.impact.OrgUnits;
import org.saypro.dcop.community.impact.Period;
import org.saypro.dcop.community.impact.ValueFile;
import org.saypro.dcop.community.impact.ValueKey;
import org.saypro.dcop.community.projects.Project;
import org.saypro.dcop.community.projects.Projects;
import org.saypro.dcop.community.support.AccountLookups;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The impact tracker's API: frameworks, targets, data values (entered, corrected, imported), aggregates. */
@Controller("/community")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Impact")
class ImpactController {

  private final Frameworks frameworks;
  private final OrgUnits units;
  private final DataValues values;
  private final DataEntry entry;
  private final ImpactForms forms;
  private final Projects projects;
  private final AccountLookups accounts;
  private final CommunityAccess access;
  private final AutomaticValues automatic;

  ImpactController(Frameworks frameworks, OrgUnits units, DataValues values, DataEntry entry, ImpactForms forms,
      Projects projects, AccountLookups accounts, CommunityAccess access, AutomaticValues automatic) {
    this.frameworks = frameworks;
    this.units = units;
    this.values = values;
    this.entry = entry;
    this.forms = forms;
    this.projects = projects;
    this.accounts = accounts;
    this.access = access;
    this.automatic = automatic;
  }

  @Get(uri = "/impact/org-units", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The organisation-unit tree, in tree order (signed-in users)")
  HttpResponse<String> orgUnits(@Nullable Authentication authentication) {
    access.signedIn(authentication);
    ArrayNode list = Json.mapper().createArrayNode();
    units.all().forEach(u -> list.add(ImpactJson.orgUnit(u)));
    return CommunityJson.ok(Json.newObject().set("orgUnits", list));
  }

  @Post(uri = "/impact/org-units", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an organisation unit (platform admins)", description = "{\"code\", \"name\", \"level\":"
      + " region | municipality | college | hub, \"parent\" (a unit's code), \"organisation\" (slug, optional)}")
  HttpResponse<String> addOrgUnit(@Nullable Authentication authentication, @Body byte[] body) {
    access.orgUnitAdmin(authentication);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> code = fields.text("code", 40, true);
    code.filter(c -> !OrgUnit.CODE.matcher(c).matches()).ifPresent(c -> fields.error("code",
        "lower-case letters, digits and -"));
    Optional<String> name = fields.text("name", 200, true);
    Optional<String> level = fields.text("level", 20, true);
    Optional<OrgUnit> parent = fields.text("parent", 40, true).flatMap(p -> {
      Optional<OrgUnit> found = units.byCode(p);
      if (found.isEmpty()) {
        fields.error("parent", "no organisation unit has the code " + p);
      }
      return found;
    });
    if (level.isPresent() && parent.isPresent() && !OrgUnit.childLevels(parent.get().level()).contains(level.get())) {
      fields.error("level", "under a " + parent.get().level() + " unit: one of "
          + String.join(", ", OrgUnit.childLevels(parent.get().level())));
    }
    Optional<UUID> organisation = fields.text("organisation", 40, false).flatMap(slug -> {
      Optional<UUID> found = accounts.organisation(slug);
      if (found.isEmpty()) {
        fields.error("organisation", "no organisation is called " + slug);
      }
      return found;
    });
    fields.done("the organisation unit");
    UUID id = UUID.randomUUID();
    if (!units.add(id, code.get(), name.get(), level.get(), parent.get(), organisation)) {
      throw new ProblemException(ProblemType.ALREADY_EXISTS, "an organisation unit has the code " + code.get());
    }
    return CommunityJson.created("/community/impact/org-units", ImpactJson.orgUnit(units.byCode(code.get())
        .orElseThrow()));
  }

  @Post(uri = "/impact/frameworks", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a results framework (platform admins; coordinators for their group's projects)",
      description = "{\"title\", \"projectId\" (optional)}")
  HttpResponse<String> createFramework(@Nullable Authentication authentication, @Body byte[] body) {
    access.signedIn(authentication);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> title = fields.text("title", 200, true);
    Optional<String> projectId = fields.text("projectId", 40, false);
    fields.done("the framework");
    Optional<Project> project = projectId.map(p -> projects.require(CommunityJson.uuid(p, "project")));
    Caller caller = access.impactManager(authentication, project.map(Project::groupSlug));
    Framework framework = frameworks.create(title.get(), project.map(Project::id), caller.user().id());
    return CommunityJson.created("/community/impact/frameworks/" + framework.id(), ImpactJson.framework(framework,
        List.of(), List.of()));
  }

  @Get(uri = "/impact/frameworks", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The frameworks the caller sees (managers, project members, funders)")
  HttpResponse<String> listFrameworks(@Nullable Authentication authentication) {
    Caller caller = access.signedIn(authentication);
    ArrayNode list = Json.mapper().createArrayNode();
    frameworks.all().stream().filter(f -> access.seesImpact(caller, f))
        .forEach(f -> list.addObject().put("id", f.id().toString()).put("title", f.title())
            .put("projectId", f.projectId().map(UUID::toString).orElse(null)));
    return CommunityJson.ok(Json.newObject().set("frameworks", list));
  }

  @Get(uri = "/impact/frameworks/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "A framework: its results and indicators with targets (its viewers)")
  HttpResponse<String> framework(@Nullable Authentication authentication, String id) {
    Framework framework = viewed(authentication, id);
    ObjectNode json = ImpactJson.framework(framework, frameworks.results(framework.id()),
        frameworks.indicators(framework.id()));
    json.withArray("indicators").forEach(i -> {
      ArrayNode targets = ((ObjectNode) i).putArray("targets");
      frameworks.indicator(i.get("code").asText()).ifPresent(ind -> frameworks.targets(ind.id())
          .forEach(t -> targets.addObject().put("period", t.period().id()).put("orgUnitId", t.orgUnit().toString())
              .put("value", t.value())));
    });
    return CommunityJson.ok(json);
  }

  @Post(uri = "/impact/frameworks/{id}/results", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a result (managers)", description = "{\"level\": impact | outcome | output, \"title\","
      + " \"parentId\" (an impact for an outcome, an outcome for an output)}")
  HttpResponse<String> addResult(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Framework framework = managed(authentication, id);
    return CommunityJson.created("/community/impact/frameworks/" + framework.id(),
        ImpactJson.result(forms.addResult(framework, new Fields(CommunityJson.body(body)))));
  }

  @Post(uri = "/impact/frameworks/{id}/indicators", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an indicator to a result (managers)", description = "{\"resultId\", \"code\", \"name\","
      + " \"measure\": unit | percentage, \"unit\", \"direction\": ascending | descending, \"aggregation\": sum |"
      + " average | latest (percentages cannot sum), \"baseline\", \"baselinePeriod\", \"autoSource\":"
      + " webinar-attendance | credentials-issued | project-output:<indicator>}")
  HttpResponse<String> addIndicator(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Framework framework = managed(authentication, id);
    Indicator indicator = forms.addIndicator(framework, new Fields(CommunityJson.body(body)));
    return CommunityJson.created("/community/impact/frameworks/" + framework.id(), ImpactJson.indicator(indicator));
  }

  @Put(uri = "/impact/frameworks/{id}/targets", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Set an indicator's target for a period at a unit (managers)", description = "{\"indicator\","
      + " \"period\", \"orgUnit\" (code; the national unit when absent), \"value\"}")
  HttpResponse<String> setTarget(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Framework framework = managed(authentication, id);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<Indicator> indicator = forms.indicatorOf(framework, fields);
    Optional<Period> period = forms.period(fields);
    Optional<OrgUnit> unit = forms.orgUnit(fields, false);
    Optional<BigDecimal> value = fields.decimal("value", true);
    fields.done("the target");
    OrgUnit at = unit.orElseGet(units::national);
    frameworks.setTarget(indicator.get().id(), period.get(), at.id(), value.get());
    return CommunityJson.ok(Json.newObject().put("indicator", indicator.get().code()).put("period", period.get().id())
        .put("orgUnit", at.code()).put("value", value.get()));
  }

  @Post(uri = "/impact/frameworks/{id}/values", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Enter or correct a data value (managers, project members, the unit's organisation)",
      description = "{\"indicator\", \"period\" (2026, 2026Q1, 202601), \"orgUnit\" (code), \"category\" (a"
          + " stakeholder type or total), \"value\"}. A correction adds a version; 409 period-locked when the period"
          + " is locked")
  HttpResponse<String> enter(@Nullable Authentication authentication, String id, @Body byte[] body) {
    access.signedIn(authentication);
    Framework framework = framework(id);
    Caller caller = access.impactImporter(authentication, framework);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<ValueKey> key = forms.key(framework, fields);
    Optional<BigDecimal> value = fields.decimal("value", true);
    fields.done("the value");
    DataValue entered = entry.enter(caller, framework, key.get(), value.get(), "manual");
    return CommunityJson.created("/community/impact/frameworks/" + framework.id() + "/values/history?"
        + ImpactJson.keyQuery(key.get()), ImpactJson.value(entered));
  }

  @Get(uri = "/impact/frameworks/{id}/values/history", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Every version of one data value, newest first (its viewers)")
  HttpResponse<String> history(@Nullable Authentication authentication, String id, @QueryValue String indicator,
      @QueryValue String period, @QueryValue String orgUnit, @Nullable @QueryValue String category) {
    Framework framework = viewed(authentication, id);
    ImpactForms.Resolved resolved = forms.resolve(framework, indicator, period, orgUnit, category);
    ArrayNode list = Json.mapper().createArrayNode();
    values.history(resolved.indicator(), resolved.key(), resolved.unit()).forEach(v -> list.add(ImpactJson.value(v)));
    return CommunityJson.ok(Json.newObject().set("versions", list));
  }

  @Post(uri = "/impact/frameworks/{id}/values/import", consumes = {"text/csv", MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Import data values from CSV (indicator,period,org_unit,category,value)",
      description = "mode=import (default: all rows or none, 400 invalid-import-file naming each row), import-valid"
          + " (the valid rows), validate (nothing written). Answers with the row report")
  HttpResponse<String> importValues(@Nullable Authentication authentication, String id,
      @Nullable @QueryValue String mode, @Body byte[] body) {
    access.signedIn(authentication);
    Framework framework = framework(id);
    DataEntry.Mode chosen = ImpactForms.mode(mode).orElseThrow(() -> new ProblemException(ProblemType.INVALID_REQUEST,
        "mode is import, import-valid or validate", List.of(new FieldError("?mode",
            "must be import, import-valid or validate"))));
    Caller caller = access.impactImporter(authentication, framework);
    DataEntry.ImportReport report = entry.importFile(caller, framework, ValueFile.read(body), chosen);
    if (chosen == DataEntry.Mode.IMPORT && !report.errors().isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_IMPORT_FILE, report.errors().size()
          + " problem(s) in the file; nothing was written. Fix them, or send mode=import-valid",
          report.errors().stream().map(e -> new FieldError("/line/" + e.line() + (e.column().isEmpty() ? ""
              : "/" + e.column()), e.reason())).toList());
    }
    return CommunityJson.ok(ImpactJson.report(report));
  }

  @Get(uri = "/impact/frameworks/{id}/aggregate", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "An indicator's values combined by its aggregation over periods and a unit's subtree")
  HttpResponse<String> aggregate(@Nullable Authentication authentication, String id, @QueryValue String indicator,
      @Nullable @QueryValue String orgUnit, @Nullable @QueryValue String category, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    Framework framework = viewed(authentication, id);
    ImpactForms.Resolved resolved = forms.resolve(framework, indicator, from == null ? "1900" : from,
        orgUnit == null ? units.national().code() : orgUnit, category);
    LocalDate end = to == null ? LocalDate.of(2999, 12, 31) : ImpactForms.periodParameter("to", to).end();
    List<Observation> observations = values.observations(resolved.indicator(), resolved.unit(),
        resolved.key().category(), resolved.key().period().start(), end);
    Indicator ind = resolved.indicator();
    ObjectNode json = Json.newObject().put("indicator", ind.code()).put("aggregation", ind.aggregation().label())
        .put("orgUnit", resolved.unit().code()).put("category", resolved.key().category())
        .put("values", observations.size());
    Aggregation.of(ind.aggregation(), ind.measure(), observations).ifPresentOrElse(v -> json.put("value", v),
        () -> json.putNull("value"));
    return CommunityJson.ok(json);
  }

  @Post(uri = "/impact/frameworks/{id}/recount", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Recount the framework's credentials-issued indicators from the issuer (managers)",
      description = "Open quarters with a target, and the current one; locked quarters are left as they are")
  HttpResponse<String> recount(@Nullable Authentication authentication, String id) {
    Framework framework = managed(authentication, id);
    if (!automatic.countsCredentials()) {
      throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "this deployment has no issuer to count from");
    }
    AutomaticValues.Recount recount = automatic.recountCredentials(framework);
    ObjectNode json = Json.newObject().put("changed", recount.changed());
    ArrayNode locked = json.putArray("lockedQuarters");
    recount.lockedQuarters().forEach(locked::add);
    return CommunityJson.ok(json);
  }

  @Put(uri = "/projects/{id}/funders/{organisation}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Name an organisation as a funder of the project (its group's coordinators); its members"
      + " then see the project's impact dashboards. 201, or 200 if it was one already")
  HttpResponse<String> addFunder(@Nullable Authentication authentication, String id, String organisation) {
    access.signedIn(authentication);
    Project project = projects.require(CommunityJson.uuid(id, "project"));
    access.coordinator(authentication, project.groupSlug());
    UUID org = accounts.organisation(organisation).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
        "no organisation is called " + organisation));
    ObjectNode json = Json.newObject().put("projectId", project.id().toString()).put("funder", organisation);
    return projects.addFunder(project.id(), org) ? CommunityJson.created("/community/projects/" + project.id(), json)
        : CommunityJson.ok(json);
  }

  private Framework framework(String id) {
    return frameworks.require(CommunityJson.uuid(id, "results framework"));
  }

  /** 401 before 404 before 403. */
  private Framework viewed(@Nullable Authentication authentication, String id) {
    access.signedIn(authentication);
    Framework framework = framework(id);
    access.impactViewer(authentication, framework);
    return framework;
  }

  private Framework managed(@Nullable Authentication authentication, String id) {
    access.signedIn(authentication);
    Framework framework = framework(id);
    access.impactManager(authentication, framework.projectGroup());
    return framework;
  }
}
