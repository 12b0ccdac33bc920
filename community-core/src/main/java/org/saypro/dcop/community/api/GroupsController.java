package org.saypro.dcop.community.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.groups.Groups;
import org.saypro.dcop.community.groups.StakeholderType;
import org.saypro.dcop.community.groups.WorkingGroup;
import org.saypro.dcop.community.support.AccountLookups;
import org.saypro.dcop.community.webinars.CalendarFeed;
import org.saypro.dcop.community.webinars.Webinars;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Working groups: listing, joining and leaving, coordinators, the member directory and the group's calendar. */
@Controller("/community")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Community")
class GroupsController {

  private final Groups groups;
  private final Webinars webinars;
  private final CalendarFeed calendars;
  private final CommunityAccess access;
  private final AccountLookups accounts;

  GroupsController(Groups groups, Webinars webinars, CalendarFeed calendars, CommunityAccess access,
      AccountLookups accounts) {
    this.groups = groups;
    this.webinars = webinars;
    this.calendars = calendars;
    this.access = access;
    this.accounts = accounts;
  }

  @Get(uri = "/groups", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The working groups, with their member counts")
  HttpResponse<String> list() {
    ArrayNode list = Json.mapper().createArrayNode();
    groups.all().forEach(g -> list.add(CommunityJson.group(g).put("members", groups.memberCount(g))));
    return CommunityJson.ok(Json.newObject().set("groups", list));
  }

  @Get(uri = "/groups/{slug}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "One working group, its member count and upcoming webinars")
  HttpResponse<String> one(String slug) {
    WorkingGroup group = groups.require(slug);
    ObjectNode json = CommunityJson.group(group).put("members", groups.memberCount(group))
        .put("calendar", "/community/groups/" + slug + "/calendar.ics");
    ArrayNode upcoming = json.putArray("upcomingWebinars");
    webinars.upcoming(Optional.of(slug)).forEach(w -> upcoming.add(CommunityJson.webinar(w)));
    return CommunityJson.ok(json);
  }

  @Get(uri = "/groups/{slug}/members", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The group's member directory: name, organisations, stakeholder type (signed-in users only)")
  HttpResponse<String> members(@Nullable Authentication authentication, String slug) {
    access.signedIn(authentication);
    WorkingGroup group = groups.require(slug);
    ArrayNode list = Json.mapper().createArrayNode();
    groups.directory(group).forEach(e -> list.add(CommunityJson.member(e)));
    return CommunityJson.ok(Json.newObject().put("group", slug).set("members", list));
  }

  @Post(uri = "/groups/{slug}/members", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Join the group yourself (201; 200 if already a member). Emits member.joined once.")
  HttpResponse<String> join(@Nullable Authentication authentication, String slug) {
    Caller caller = access.signedIn(authentication);
    WorkingGroup group = groups.require(slug);
    boolean joined = groups.join(group, caller.user().id());
    ObjectNode json = Json.newObject().put("group", slug).put("userId", caller.actor()).put("member", true);
    return joined ? CommunityJson.created("/community/groups/" + slug + "/members", json) : CommunityJson.ok(json);
  }

  @Delete(uri = "/groups/{slug}/members/me")
  @Operation(summary = "Leave the group (204, also when not a member)")
  HttpResponse<Void> leave(@Nullable Authentication authentication, String slug) {
    Caller caller = access.signedIn(authentication);
    groups.leave(groups.require(slug), caller.user().id());
    return HttpResponse.noContent();
  }

  @Put(uri = "/groups/{slug}/coordinators/{userId}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Make a user a coordinator of the group (platform admins, or admins of the user's"
      + " organisation)")
  HttpResponse<String> setCoordinator(@Nullable Authentication authentication, String slug, String userId) {
    access.signedIn(authentication);
    WorkingGroup group = groups.require(slug);
    UUID nominee = accounts.existingUser(userId);
    Caller caller = access.coordinatorAppointer(authentication, nominee);
    boolean added = groups.setCoordinator(group, nominee, caller.user().id());
    ObjectNode json = Json.newObject().put("group", slug).put("userId", nominee.toString()).put("coordinator", true);
    return added ? CommunityJson.created("/community/groups/" + slug + "/coordinators/" + nominee, json)
        : CommunityJson.ok(json);
  }

  @Delete(uri = "/groups/{slug}/coordinators/{userId}")
  @Operation(summary = "Remove a coordinator (204)")
  HttpResponse<Void> removeCoordinator(@Nullable Authentication authentication, String slug, String userId) {
    access.signedIn(authentication);
    WorkingGroup group = groups.require(slug);
    UUID nominee = accounts.existingUser(userId);
    access.coordinatorAppointer(authentication, nominee);
    groups.removeCoordinator(group, nominee);
    return HttpResponse.noContent();
  }

  @Put(uri = "/profile", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Set your stakeholder type", description = "{\"stakeholderType\": saypro_staff |"
      + " college_lecturer | funder | municipal_planner | learner | community_educator}")
  HttpResponse<String> profile(@Nullable Authentication authentication, @Body byte[] body) {
    Caller caller = access.signedIn(authentication);
    JsonNode request = CommunityJson.body(body);
    Optional<StakeholderType> type = Optional.ofNullable(request.get("stakeholderType")).filter(JsonNode::isTextual)
        .flatMap(t -> StakeholderType.parse(t.asText()));
    if (type.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the profile is not valid", List.of(new FieldError(
          "/stakeholderType", "must be one of saypro_staff, college_lecturer, funder, municipal_planner, learner,"
          + " community_educator")));
    }
    groups.setStakeholderType(caller.user().id(), type.get());
    return CommunityJson.ok(Json.newObject().put("userId", caller.actor()).put("stakeholderType", type.get().code()));
  }

  @Get(uri = "/groups/{slug}/calendar.ics", produces = "text/calendar")
  @Operation(summary = "The group's webinars as an iCalendar feed (RFC 5545) to subscribe to")
  HttpResponse<String> calendar(String slug) {
    WorkingGroup group = groups.require(slug);
    return HttpResponse.ok(calendars.ofGroup(slug, group.name())).contentType("text/calendar; charset=utf-8");
  }
}
