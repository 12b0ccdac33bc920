package org.saypro.dcop.community.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.projects.Project;
import org.saypro.dcop.community.projects.Projects;
import org.saypro.dcop.community.projects.TimelineEntry;
import org.saypro.dcop.community.support.AccountLookups;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** A project's page: what it is, who works on it, and its timeline of activities and outputs. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ProjectPagesController {

  private final Projects projects;
  private final CommunityAccess access;
  private final AccountLookups accounts;
  private final FormTokens formTokens;
  private final Pages pages;

  ProjectPagesController(Projects projects, CommunityAccess access, AccountLookups accounts, FormTokens formTokens,
      Pages pages) {
    this.projects = projects;
    this.access = access;
    this.accounts = accounts;
    this.formTokens = formTokens;
    this.pages = pages;
  }

  @Get(uri = "/projects/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> project(@Nullable Authentication authentication, String id, HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    return HttpResponse.ok(page(request, caller, require(id), ""));
  }

  private Project require(String id) {
    try {
      return projects.require(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no project has the id " + id);
    }
  }

  private Object page(HttpRequest<?> request, Caller caller, Project project, String error) {
    Map<String, Object> values = new HashMap<>();
    values.put("project", Map.of("id", project.id().toString(), "title", project.title(), "description", project.description(),
        "group", project.groupSlug(), "status", project.status(), "startsOn", project.startsOn().toString(),
        "endsOn", project.endsOn().map(Object::toString).orElse("open"),
        "partners", String.join(", ", project.partners())));
    values.put("members", projects.members(project.id()).stream().map(Projects.Member::displayName).toList());
    values.put("timeline", projects.timeline(project.id()).stream().map(ProjectPagesController::entry).toList());
    values.put("funders", projects.funders(project.id()));
    values.put("coordinates", caller.platformAdmin() || access.coordinates(caller.user().id(),
        project.groupSlug()));
    values.put("error", error);
    return pages.view("community/project", request, values);
  }

  /** Names a funder (the group's coordinators): its members then see the project's impact dashboards. */
  @Post(uri = "/projects/{id}/funders", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> addFunder(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    access.signedIn(authentication);
    Project project = require(id);
    Caller caller = access.coordinator(authentication, project.groupSlug());
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    String slug = form.getOrDefault("organisation", "").strip();
    Optional<UUID> organisation = slug.isEmpty() ? Optional.empty() : accounts.organisation(slug);
    if (organisation.isEmpty()) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(request, caller, project,
          "No organisation has the short name '" + slug + "'."));
    }
    projects.addFunder(project.id(), organisation.get());
    return HttpResponse.seeOther(URI.create("/projects/" + project.id()));
  }

  private static Map<String, Object> entry(TimelineEntry entry) {
    Map<String, Object> model = new HashMap<>();
    model.put("date", entry.date().toString());
    model.put("by", entry.byName());
    if (entry instanceof TimelineEntry.Activity a) {
      model.put("kind", "Activity");
      model.put("text", a.description());
      model.put("evidence", "");
    } else if (entry instanceof TimelineEntry.Output o) {
      model.put("kind", "Output");
      model.put("text", o.indicator() + ": " + o.value().stripTrailingZeros().toPlainString() + " " + o.unit());
      model.put("evidence", o.evidence().map(Object::toString).orElse(""));
    }
    return model;
  }
}
