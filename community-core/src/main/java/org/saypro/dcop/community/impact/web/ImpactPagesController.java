package org.saypro.dcop.community.impact.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.impact.DataEntry;
import org.saypro.dcop.community.impact.DataValue;
import org.saypro.dcop.community.impact.DataValues;
import org.saypro.dcop.community.impact.Dashboards;
import org.saypro.dcop.community.impact.Framework;
import org.saypro.dcop.community.impact.Frameworks;
import org.saypro.dcop.community.impact.Indicator;
import org.saypro.dcop.community.impact.OrgUnit;
import org.saypro.dcop.community.impact.OrgUnits;
import org.saypro.dcop.community.impact.PeriodLock;
import org.saypro.dcop.community.impact.ValueFile;
import org.saypro.dcop.community.impact.ValueKey;
import org.saypro.dcop.community.impact.ValuesCsv;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.Problem;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The impact tracker's pages: frameworks, a dashboard, data entry, CSV import and export, a value's history. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ImpactPagesController {

  private static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
  private static final int MAX_EXPORT_ROWS = 100_000;
  /** Indicators per dashboard page: three charts and a table each, so a page stays well under 100 KB. */
  static final int PAGE = 12;

  private final Frameworks frameworks;
  private final OrgUnits units;
  private final DataValues values;
  private final DataEntry entry;
  private final Dashboards dashboards;
  private final ImpactForms forms;
  private final PeriodLock lock;
  private final CommunityAccess access;
  private final FormTokens formTokens;
  private final Pages pages;

  ImpactPagesController(Frameworks frameworks, OrgUnits units, DataValues values, DataEntry entry,
      Dashboards dashboards, ImpactForms forms, PeriodLock lock, CommunityAccess access, FormTokens formTokens,
      Pages pages) {
    this.frameworks = frameworks;
    this.units = units;
    this.values = values;
    this.entry = entry;
    this.dashboards = dashboards;
    this.forms = forms;
    this.lock = lock;
    this.access = access;
    this.formTokens = formTokens;
    this.pages = pages;
  }

  @Get(uri = "/impact", produces = MediaType.TEXT_HTML)
  HttpResponse<?> list(@Nullable Authentication authentication, HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    List<Map<String, Object>> list = frameworks.all().stream().filter(f -> access.seesImpact(caller, f))
        .map(f -> Map.<String, Object>of("id", f.id().toString(), "title", f.title(),
            "project", f.projectId().map(Object::toString).orElse(""))).toList();
    return HttpResponse.ok(pages.view("impact/index", request, Map.of("frameworks", list, "lockDays",
        lock.lockDays())));
  }

  @Get(uri = "/impact/frameworks/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> dashboard(@Nullable Authentication authentication, String id, @Nullable @QueryValue String unit,
      @Nullable @QueryValue String category, @Nullable @QueryValue Integer page, HttpRequest<?> request) {
    Framework framework = viewed(authentication, id);
    Caller caller = access.signedIn(authentication);
    OrgUnit at = unit == null || unit.isBlank() ? units.national() : units.byCode(unit).orElseThrow(
        () -> new ProblemException(ProblemType.NOT_FOUND, "no organisation unit has the code " + unit));
    String option = category == null || category.isBlank() ? ValueKey.TOTAL : category.strip();
    if (!ValueKey.CATEGORY.matcher(option).matches()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "not a category option: " + option);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("framework", frameworkModel(framework));
    model.put("mayEnter", access.importsImpact(caller, framework));
    model.put("units", unitOptions(at.code()));
    model.put("unitName", at.name());
    model.put("unitCode", at.code());
    model.put("category", option);
    model.put("results", frameworks.results(framework.id()).stream().map(r -> Map.<String, Object>of("level",
        r.level(), "title", r.title())).toList());
    List<Indicator> all = frameworks.indicators(framework.id());
    int last = Math.max(1, (all.size() + PAGE - 1) / PAGE);
    int shown = Math.max(1, Math.min(last, page == null ? 1 : page));
    model.put("indicators", DashboardModel.indicators(dashboards.of(all.subList((shown - 1) * PAGE,
        Math.min(all.size(), shown * PAGE)), at, option)));
    model.put("page", shown);
    model.put("pages", last);
    return HttpResponse.ok(pages.view("impact/dashboard", request, model));
  }

  @Get(uri = "/impact/frameworks/{id}/export.csv", produces = "text/csv")
  HttpResponse<?> export(@Nullable Authentication authentication, String id) {
    Framework framework = viewed(authentication, id);
    return HttpResponse.ok(ValuesCsv.write(values.currentOf(framework.id(), MAX_EXPORT_ROWS)))
        .contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"impact-values-" + framework.id() + ".csv\"");
  }

  @Get(uri = "/impact/frameworks/{id}/history", produces = MediaType.TEXT_HTML)
  HttpResponse<?> history(@Nullable Authentication authentication, String id, @QueryValue String indicator,
      @QueryValue String period, @QueryValue String orgUnit, @Nullable @QueryValue String category,
      HttpRequest<?> request) {
    Framework framework = viewed(authentication, id);
    ImpactForms.Resolved key = forms.resolve(framework, indicator, period, orgUnit, category);
    Map<String, Object> model = new HashMap<>();
    model.put("framework", frameworkModel(framework));
    model.put("key", keyModel(key));
    model.put("hasHistory", true);
    model.put("versions", versions(values.history(key.indicator(), key.key(), key.unit())));
    return HttpResponse.ok(pages.view("impact/history", request, model));
  }

  @Get(uri = "/impact/frameworks/{id}/enter", produces = MediaType.TEXT_HTML)
  HttpResponse<?> entryForm(@Nullable Authentication authentication, String id, HttpRequest<?> request) {
    access.signedIn(authentication);
    Framework framework = framework(id);
    access.impactImporter(authentication, framework);
    return HttpResponse.ok(entryPage(request, framework, Map.of("category", ValueKey.TOTAL), Map.of(), "",
        Optional.empty()));
  }

  @Post(uri = "/impact/frameworks/{id}/enter", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> enter(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    access.signedIn(authentication);
    Framework framework = framework(id);
    Caller caller = access.impactImporter(authentication, framework);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    ObjectNode body = Json.newObject();
    for (String name : List.of("indicator", "period", "orgUnit", "category", "value")) {
      String text = form.getOrDefault(name, "").strip();
      if (!text.isEmpty()) {
        body.put(name, text);
      }
    }
    tryNumber(body);
    try {
      Fields fields = new Fields(body);
      Optional<ValueKey> key = forms.key(framework, fields);
      Optional<BigDecimal> value = fields.decimal("value", true);
      fields.done("the value");
      DataValue entered = entry.enter(caller, framework, key.get(), value.get(), "manual");
      ImpactForms.Resolved resolved = forms.resolve(framework, key.get().indicator(), key.get().period().id(),
          key.get().orgUnit(), key.get().category());
      return HttpResponse.ok(entryPage(request, framework, form, Map.of(), "Saved as version " + entered.version()
          + ".", Optional.of(resolved)));
    } catch (ProblemException e) {
      Problem problem = e.problem();
      Map<String, String> errors = new LinkedHashMap<>();
      problem.errors().forEach(f -> errors.putIfAbsent(f.pointer().substring(1), f.detail()));
      if (problem.type().equals(ProblemType.PERIOD_LOCKED.uri())) {
        errors.put("period", problem.detail());
      } else if (errors.isEmpty()) {
        errors.put("form", problem.detail());
      }
      return HttpResponse.status(HttpStatus.valueOf(problem.status())).body(entryPage(request, framework, form,
          errors, "", Optional.empty()));
    }
  }

  @Get(uri = "/impact/frameworks/{id}/import", produces = MediaType.TEXT_HTML)
  HttpResponse<?> importForm(@Nullable Authentication authentication, String id, HttpRequest<?> request) {
    access.signedIn(authentication);
    Framework framework = framework(id);
    access.impactImporter(authentication, framework);
    return HttpResponse.ok(importPage(request, framework, Optional.empty(), ""));
  }

  @Post(uri = "/impact/frameworks/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> importFile(@Nullable Authentication authentication, String id,
      @Nullable @Part("file") CompletedFileUpload file, @Nullable @Part("validOnly") String validOnly,
      @Nullable @Part("csrf") String csrf, HttpRequest<?> request) {
    access.signedIn(authentication);
    Framework framework = framework(id);
    Caller caller = access.impactImporter(authentication, framework);
    formTokens.check(request, Optional.ofNullable(csrf));
    if (file == null || file.getSize() == 0 || file.getSize() > MAX_FILE_BYTES) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST).body(importPage(request, framework, Optional.empty(),
          "Choose a CSV file of at most 2 MB."));
    }
    DataEntry.Mode mode = validOnly != null ? DataEntry.Mode.IMPORT_VALID : DataEntry.Mode.IMPORT;
    DataEntry.ImportReport report = entry.importFile(caller, framework, ValueFile.read(bytes(file)), mode);
    return HttpResponse.ok(importPage(request, framework, Optional.of(report), ""));
  }

  private Object entryPage(HttpRequest<?> request, Framework framework, Map<String, String> form,
      Map<String, String> errors, String saved, Optional<ImpactForms.Resolved> key) {
    Map<String, Object> model = new HashMap<>();
    model.put("framework", frameworkModel(framework));
    model.put("indicators", frameworks.indicators(framework.id()).stream().map(i -> Map.<String, Object>of("code",
        i.code(), "name", i.name(), "selected", i.code().equals(form.get("indicator")))).toList());
    model.put("units", unitOptions(form.getOrDefault("orgUnit", "")));
    Map<String, String> values = new HashMap<>();
    for (String name : List.of("period", "category", "value")) {
      values.put(name, form.getOrDefault(name, ""));
    }
    model.put("form", values);
    model.put("errors", errors);
    model.put("saved", saved);
    model.put("lockDays", lock.lockDays());
    model.put("hasHistory", key.isPresent());
    model.put("key", key.map(ImpactPagesController::keyModel).orElse(Map.of()));
    model.put("versions", key.map(k -> versions(this.values.history(k.indicator(), k.key(), k.unit())))
        .orElse(List.of()));
    return pages.view("impact/enter", request, model);
  }

  private Object importPage(HttpRequest<?> request, Framework framework, Optional<DataEntry.ImportReport> report,
      String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("framework", frameworkModel(framework));
    model.put("error", error);
    model.put("hasReport", report.isPresent());
    model.put("report", report.map(r -> Map.<String, Object>of("rows", r.dataRows(), "valid", r.validRows(),
        "written", r.written(), "errors", r.errors().stream().map(e -> Map.<String, Object>of("line", e.line(),
            "column", e.column(), "reason", e.reason())).toList())).orElse(Map.of()));
    return pages.view("impact/import", request, model);
  }

  private List<Map<String, Object>> unitOptions(String selected) {
    return units.all().stream().map(u -> Map.<String, Object>of("code", u.code(), "name",
        "– ".repeat(depth(u)) + u.name(), "selected", u.code().equals(selected))).toList();
  }

  private static int depth(OrgUnit unit) {
    return (int) unit.path().chars().filter(c -> c == '/').count() - 2;
  }

  private static Map<String, Object> frameworkModel(Framework framework) {
    return Map.of("id", framework.id().toString(), "title", framework.title(),
        "project", framework.projectId().map(Object::toString).orElse(""));
  }

  private static Map<String, Object> keyModel(ImpactForms.Resolved key) {
    return Map.of("indicator", key.indicator().code(), "name", key.indicator().name(), "period",
        key.key().period().id(), "unit", key.unit().name(), "category", key.key().category());
  }

  private static List<Map<String, Object>> versions(List<DataValue> versions) {
    return versions.stream().map(v -> Map.<String, Object>of("version", v.version(), "value",
        v.value().toPlainString(), "source", v.source(), "by", v.enteredBy().orElse("automatic"), "at",
        v.enteredAt().toString())).toList();
  }

  private static void tryNumber(ObjectNode body) {
    if (body.has("value")) {
      try {
        body.put("value", new BigDecimal(body.get("value").asText()));
      } catch (NumberFormatException e) {
        // left as text: Fields names the field
      }
    }
  }

  private Framework framework(String id) {
    try {
      return frameworks.require(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no results framework has the id " + id);
    }
  }

  private Framework viewed(@Nullable Authentication authentication, String id) {
    access.signedIn(authentication);
    Framework framework = framework(id);
    access.impactViewer(authentication, framework);
    return framework;
  }

  private static byte[] bytes(CompletedFileUpload file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("the upload could not be read", e);
    }
  }
}
