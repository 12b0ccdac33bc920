package org.saypro.dcop.community.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.groups.Groups;
import org.saypro.dcop.community.groups.WorkingGroup;
import org.saypro.dcop.community.projects.Projects;
import org.saypro.dcop.community.webinars.Webinars;

/** The working groups as pages: the list, and one group with its members, webinars and a join or leave form. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class GroupPagesController {

  private final Groups groups;
  private final Webinars webinars;
  private final Projects projects;
  private final CommunityAccess access;
  private final FormTokens formTokens;
  private final Pages pages;

  GroupPagesController(Groups groups, Webinars webinars, Projects projects, CommunityAccess access,
      FormTokens formTokens, Pages pages) {
    this.groups = groups;
    this.webinars = webinars;
    this.projects = projects;
    this.access = access;
    this.formTokens = formTokens;
    this.pages = pages;
  }

  @Get(uri = "/groups", produces = MediaType.TEXT_HTML)
  HttpResponse<?> list(HttpRequest<?> request) {
    List<Map<String, Object>> list = groups.all().stream().map(g -> Map.<String, Object>of("slug", g.slug(),
        "name", g.name(), "description", g.description(), "members", groups.memberCount(g))).toList();
    return HttpResponse.ok(pages.view("community/groups", request, Map.of("groups", list)));
  }

  @Get(uri = "/groups/{slug}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> group(@Nullable Authentication authentication, String slug, HttpRequest<?> request) {
    WorkingGroup group = groups.require(slug);
    Optional<Caller> caller = Optional.ofNullable(authentication).map(access::signedIn);
    Map<String, Object> values = new HashMap<>();
    values.put("group", Map.of("slug", group.slug(), "name", group.name(), "description", group.description()));
    values.put("memberCount", groups.memberCount(group));
    values.put("member", caller.map(c -> groups.isMember(group, c.user().id())).orElse(false));
    values.put("showDirectory", caller.isPresent());
    values.put("members", caller.isEmpty() ? List.of() : groups.directory(group).stream()
        .map(e -> Map.<String, Object>of("name", e.displayName(), "organisations", String.join(", ",
            e.organisations()), "type", e.stakeholderType().map(t -> t.label()).orElse("—"),
            "coordinator", e.coordinator())).toList());
    values.put("webinars", webinars.upcoming(Optional.of(slug)).stream().map(PageModels::webinar).toList());
    values.put("projects", projects.ofGroup(slug).stream().map(projects::require).map(p -> Map.<String, Object>of(
        "id", p.id().toString(), "title", p.title(), "status", p.status())).toList());
    return HttpResponse.ok(pages.view("community/group", request, values));
  }

  @Post(uri = "/groups/{slug}/membership", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> membership(@Nullable Authentication authentication, String slug, @Body Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    WorkingGroup group = groups.require(slug);
    if ("leave".equals(form.get("action"))) {
      groups.leave(group, caller.user().id());
    } else {
      groups.join(group, caller.user().id());
    }
    return HttpResponse.seeOther(URI.create("/groups/" + group.slug()));
  }
}
