package org.saypro.dcop.community.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.groups.Groups;
import org.saypro.dcop.community.projects.Project;
import org.saypro.dcop.community.projects.Projects;
import org.saypro.dcop.community.support.AccountLookups;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.core.json.Json;

/** Partnership projects: created by group coordinators, reported on by project members. */
@Controller("/community")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Community")
class ProjectsController {

  private final Projects projects;
  private final Groups groups;
  private final AccountLookups accounts;
  private final CommunityAccess access;

  ProjectsController(Projects projects, Groups groups, AccountLookups accounts, CommunityAccess access) {
    this.projects = projects;
    this.groups = groups;
    this.accounts = accounts;
    this.access = access;
  }

  @Post(uri = "/groups/{slug}/projects", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a partnership project in the group (its coordinators)",
      description = "{\"title\", \"description\", \"partners\": [organisation slugs], \"startsOn\", \"endsOn\""
          + " (dates), \"status\": planned | active | completed}")
  HttpResponse<String> create(@Nullable Authentication authentication, String slug, @Body byte[] body) {
    access.signedIn(authentication);
    groups.require(slug);
    Caller caller = access.coordinator(authentication, slug);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> title = fields.text("title", 200, true);
    String description = fields.text("description", 4000, false).orElse("");
    List<String> partnerSlugs = fields.texts("partners", 50, 40);
    Map<String, UUID> partners = new LinkedHashMap<>();
    for (int i = 0; i < partnerSlugs.size(); i++) {
      String partner = partnerSlugs.get(i);
      Optional<UUID> organisation = accounts.organisation(partner);
      if (organisation.isEmpty()) {
        fields.error("partners/" + i, "no organisation is called " + partner);
      } else {
        partners.put(partner, organisation.get());
      }
    }
    Optional<LocalDate> starts = fields.date("startsOn", true);
    Optional<LocalDate> ends = fields.date("endsOn", false);
    if (starts.isPresent() && ends.filter(e -> e.isBefore(starts.get())).isPresent()) {
      fields.error("endsOn", "must not be before startsOn");
    }
    String status = status(fields, false).orElse("planned");
    fields.done("the project");
    Project project = new Project(UUID.randomUUID(), slug, title.get(), description, starts.get(), ends, status,
        List.copyOf(partners.keySet()));
    projects.create(project, partners, caller.user().id());
    return CommunityJson.created("/community/projects/" + project.id(), CommunityJson.project(projects.require(
        project.id())));
  }

  @Get(uri = "/projects/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "A project with its members and timeline (signed-in users)")
  HttpResponse<String> one(@Nullable Authentication authentication, String id) {
    access.signedIn(authentication);
    Project project = project(id);
    ObjectNode json = CommunityJson.project(project);
    ArrayNode members = json.putArray("members");
    projects.members(project.id()).forEach(m -> members.addObject().put("userId", m.userId().toString())
        .put("displayName", m.displayName()));
    ArrayNode timeline = json.putArray("timeline");
    projects.timeline(project.id()).forEach(e -> timeline.add(CommunityJson.timelineEntry(e)));
    return CommunityJson.ok(json);
  }

  @Get(uri = "/groups/{slug}/projects", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The group's projects, newest first")
  HttpResponse<String> ofGroup(String slug) {
    groups.require(slug);
    ArrayNode list = Json.mapper().createArrayNode();
    projects.ofGroup(slug).forEach(id -> list.add(CommunityJson.project(projects.require(id))));
    return CommunityJson.ok(Json.newObject().set("projects", list));
  }

  @Put(uri = "/projects/{id}/status", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a project's status (coordinators)", description = "{\"status\": planned | active |"
      + " completed}")
  HttpResponse<String> setStatus(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Project project = coordinated(authentication, id);
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<String> status = status(fields, true);
    fields.done("the status");
    projects.setStatus(project.id(), status.get());
    return CommunityJson.ok(CommunityJson.project(projects.require(project.id())));
  }

  @Put(uri = "/projects/{id}/members/{userId}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a member to the project (coordinators); 201, or 200 if already a member")
  HttpResponse<String> addMember(@Nullable Authentication authentication, String id, String userId) {
    Project project = coordinated(authentication, id);
    UUID user = accounts.existingUser(userId);
    boolean added = projects.addMember(project.id(), user);
    ObjectNode json = Json.newObject().put("projectId", project.id().toString()).put("userId", user.toString());
    return added ? CommunityJson.created("/community/projects/" + project.id(), json) : CommunityJson.ok(json);
  }

  @Post(uri = "/projects/{id}/activities", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Log an activity (project members)", description = "{\"date\", \"description\"}")
  HttpResponse<String> activity(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Reporting reporting = reporting(authentication, id);
    Project project = reporting.project();
    Caller caller = reporting.caller();
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<LocalDate> date = fields.date("date", true);
    Optional<String> description = fields.text("description", 2000, true);
    fields.done("the activity");
    long activity = projects.logActivity(project.id(), date.get(), description.get(), caller.user().id());
    return CommunityJson.created("/community/projects/" + project.id(), Json.newObject().put("id", activity)
        .put("type", "activity").put("date", date.get().toString()).put("description", description.get()));
  }

  @Post(uri = "/projects/{id}/outputs", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Report a measurable output (project members); emits project.output-reported",
      description = "{\"date\", \"indicator\", \"value\" (number), \"unit\", \"evidenceUrl\" (https)}")
  HttpResponse<String> output(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Reporting reporting = reporting(authentication, id);
    Project project = reporting.project();
    Caller caller = reporting.caller();
    Fields fields = new Fields(CommunityJson.body(body));
    Optional<LocalDate> date = fields.date("date", true);
    Optional<String> indicator = fields.text("indicator", 200, true);
    Optional<BigDecimal> value = fields.decimal("value", true);
    Optional<String> unit = fields.text("unit", 50, true);
    Optional<URI> evidence = fields.httpsUrl("evidenceUrl", false);
    fields.done("the output");
    long output = projects.reportOutput(project, date.get(), indicator.get(), value.get(), unit.get(), evidence,
        caller.user().id());
    ObjectNode json = Json.newObject().put("id", output).put("type", "output").put("date", date.get().toString())
        .put("indicator", indicator.get()).put("value", value.get()).put("unit", unit.get());
    evidence.ifPresent(e -> json.put("evidenceUrl", e.toString()));
    return CommunityJson.created("/community/projects/" + project.id(), json);
  }

  /** A project and a caller who works on it. */
  private record Reporting(Project project, Caller caller) {}

  private Reporting reporting(@Nullable Authentication authentication, String id) {
    access.signedIn(authentication);
    Project project = project(id);
    return new Reporting(project, access.projectMember(authentication, project.id(), project.groupSlug()));
  }

  /** The project, when the caller coordinates its group; 401 before 404 before 403. */
  private Project coordinated(@Nullable Authentication authentication, String id) {
    access.signedIn(authentication);
    Project project = project(id);
    access.coordinator(authentication, project.groupSlug());
    return project;
  }

  private Project project(String id) {
    return projects.require(CommunityJson.uuid(id, "project"));
  }

  private static Optional<String> status(Fields fields, boolean required) {
    Optional<String> status = fields.text("status", 20, required);
    if (status.isPresent() && !Project.STATUSES.contains(status.get())) {
      fields.error("status", "must be planned, active or completed");
      return Optional.empty();
    }
    return status;
  }
}
