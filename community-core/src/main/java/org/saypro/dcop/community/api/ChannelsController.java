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
import io.micronaut.http.annotation.QueryValue;
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
import org.saypro.dcop.community.channels.Channel;
import org.saypro.dcop.community.channels.ChannelMessage;
import org.saypro.dcop.community.channels.Channels;
import org.saypro.dcop.community.channels.MessageChange;
import org.saypro.dcop.community.forums.MarkdownRenderer;
import org.saypro.dcop.community.groups.Groups;
import org.saypro.dcop.community.projects.Project;
import org.saypro.dcop.community.projects.Projects;
import org.saypro.dcop.community.support.AccountLookups;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.community.support.PageRequest;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Team channels: members-only messaging of a working group, a project or a task force. Every read, post and search
 * goes through {@link CommunityAccess#channelMember} or its SQL form; a non-member gets 403 and finds nothing.
 */
@Controller("/community/channels")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Community")
class ChannelsController {

  private final Channels channels;
  private final Groups groups;
  private final Projects projects;
  private final AccountLookups accounts;
  private final CommunityAccess access;

  ChannelsController(Channels channels, Groups groups, Projects projects, AccountLookups accounts,
      CommunityAccess access) {
    this.channels = channels;
    this.groups = groups;
    this.projects = projects;
    this.accounts = accounts;
    this.access = access;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The channels the caller is a member of")
  HttpResponse<String> mine(@Nullable Authentication authentication) {
    Caller caller = access.signedIn(authentication);
    ArrayNode list = Json.mapper().createArrayNode();
    channels.mine(caller.user().id()).forEach(c -> list.add(channel(c)));
    return CommunityJson.ok(Json.newObject().set("channels", list));
  }

  @Get(uri = "/directory", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The channel directory: the caller's channels and every channel that is not private, by kind"
      + " and name, with member counts; private channels of others are absent")
  HttpResponse<String> directory(@Nullable Authentication authentication, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    Caller caller = access.signedIn(authentication);
    PageRequest page = PageRequest.of(limit, cursor);
    return CommunityJson.ok(CommunityJson.page(Json.newObject(), "channels",
        channels.directory(caller.user().id(), page), l -> channel(l.channel()).put("member", l.member())
            .put("members", l.members())));
  }

  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a channel: group (its coordinators), project (its members) or task-force (anyone)",
      description = "{\"kind\", \"name\", \"private\" (default true), \"group\", \"audience\": members |"
          + " coordinators (group channels), \"project\"}")
  HttpResponse<String> create(@Nullable Authentication authentication, @Body byte[] body) {
    Caller caller = access.signedIn(authentication);
    JsonNode json = CommunityJson.body(body);
    Fields fields = new Fields(json);
    Optional<String> kind = oneOf(fields, "kind", Channel.KINDS, true);
    Optional<String> name = fields.text("name", Channel.MAX_NAME, true);
    Optional<String> audience = oneOf(fields, "audience", Channel.AUDIENCES, false);
    boolean group = kind.filter("group"::equals).isPresent();
    boolean project = kind.filter("project"::equals).isPresent();
    Optional<String> slug = fields.text("group", 40, group);
    Optional<String> projectId = fields.text("project", 36, project);
    if (!group && (slug.isPresent() || audience.isPresent())) {
      fields.error("group", "only group channels name a group and an audience");
    }
    if (!project && projectId.isPresent()) {
      fields.error("project", "only project channels name a project");
    }
    JsonNode privateFlag = json.get("private");
    if (privateFlag != null && !privateFlag.isBoolean()) {
      fields.error("private", "must be true or false");
    }
    fields.done("the channel");
    Optional<UUID> projectRef = Optional.empty();
    if (group) {
      access.coordinator(authentication, groups.require(slug.get()).slug());
    } else if (project) {
      Project p = projects.require(CommunityJson.uuid(projectId.get(), "project"));
      access.projectMember(authentication, p.id(), p.groupSlug());
      projectRef = Optional.of(p.id());
    }
    Channel channel = channels.create(kind.get(), name.get(), privateFlag == null || privateFlag.asBoolean(),
        group ? slug : Optional.empty(), audience.orElse("members"), projectRef, caller.user().id());
    return CommunityJson.created("/community/channels/" + channel.id(), channel(channel));
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "A channel with a page of its messages, newest first (members only); \"next\" is the cursor"
      + " of the older ones")
  HttpResponse<String> one(@Nullable Authentication authentication, String id, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    Channel channel = channel(id);
    access.channelMember(authentication, channel);
    PageRequest page = PageRequest.of(limit, cursor);
    return CommunityJson.ok(CommunityJson.page(channel(channel), "messages", channels.messages(channel, page),
        ChannelsController::message));
  }

  @Post(uri = "/{id}/messages", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Post a message (members only); mentioned members are e-mailed a link, never the text",
      description = "{\"body\" (Markdown)}")
  HttpResponse<String> post(@Nullable Authentication authentication, String id, @Body byte[] body) {
    Channel channel = channel(id);
    Caller caller = access.channelMember(authentication, channel);
    String source = source(CommunityJson.body(body));
    ChannelMessage message = channels.post(channel, caller.user().id(), source);
    return CommunityJson.created("/community/channels/" + channel.id(), message(message));
  }

  @Put(uri = "/{id}/messages/{messageId}", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Edit one's own message within an hour of posting", description = "{\"body\" (Markdown)}")
  HttpResponse<String> edit(@Nullable Authentication authentication, String id, String messageId,
      @Body byte[] body) {
    Channel channel = channel(id);
    Caller caller = access.channelMember(authentication, channel);
    Optional<String> source = Optional.of(source(CommunityJson.body(body)));
    MessageChange change = channels.change(channel, CommunityJson.uuid(messageId, "message"), caller.user().id(),
        source);
    return CommunityJson.ok(message(channels.message(channel, change.message())));
  }

  @Delete(uri = "/{id}/messages/{messageId}")
  @Operation(summary = "Delete one's own message within an hour of posting")
  HttpResponse<?> delete(@Nullable Authentication authentication, String id, String messageId) {
    Channel channel = channel(id);
    Caller caller = access.channelMember(authentication, channel);
    channels.change(channel, CommunityJson.uuid(messageId, "message"), caller.user().id(), Optional.empty());
    return HttpResponse.noContent();
  }

  @Put(uri = "/{id}/members/{userId}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a member to a task force, or set their admin flag (its admins)",
      description = "optional {\"admin\": true | false}")
  HttpResponse<String> addMember(@Nullable Authentication authentication, String id, String userId,
      @Body @Nullable byte[] body) {
    Channel channel = channel(id);
    access.channelAdmin(authentication, channel);
    UUID user = accounts.existingUser(userId);
    JsonNode admin = body == null || body.length == 0 ? null : CommunityJson.body(body).get("admin");
    if (admin != null && !admin.isBoolean()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the member is not valid",
          List.of(new FieldError("/admin", "must be true or false")));
    }
    boolean added = channels.setMember(channel, user, admin != null && admin.asBoolean());
    ObjectNode json = Json.newObject().put("channelId", channel.id().toString()).put("userId", user.toString());
    return added ? CommunityJson.created("/community/channels/" + channel.id(), json) : CommunityJson.ok(json);
  }

  @Delete(uri = "/{id}/members/{userId}")
  @Operation(summary = "Remove a member from a task force (its admins, or the member leaving); access ends at once")
  HttpResponse<?> removeMember(@Nullable Authentication authentication, String id, String userId) {
    Channel channel = channel(id);
    Caller caller = access.channelMember(authentication, channel);
    UUID user = accounts.existingUser(userId);
    if (!user.equals(caller.user().id())) {
      access.channelAdmin(authentication, channel);
    }
    channels.removeMember(channel, user);
    return HttpResponse.noContent();
  }

  @Get(uri = "/search", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Full-text search of messages in the caller's channels only (web search syntax)")
  HttpResponse<String> search(@Nullable Authentication authentication, @QueryValue("q") @Nullable String q,
      @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
    Caller caller = access.signedIn(authentication);
    String query = ForumsController.query(q);
    PageRequest page = PageRequest.of(limit, cursor);
    return CommunityJson.ok(CommunityJson.page(Json.newObject().put("query", query), "messages",
        channels.search(caller.user().id(), query, page), h -> Json.newObject()
            .put("messageId", h.messageId().toString()).put("channelId", h.channelId().toString())
            .put("channel", h.channelName()).put("excerpt", h.excerpt())));
  }

  private Channel channel(String id) {
    return channels.channel(CommunityJson.uuid(id, "channel"));
  }

  private static String source(JsonNode body) {
    Fields fields = new Fields(body);
    Optional<String> source = fields.text("body", MarkdownRenderer.MAX_SOURCE, true);
    fields.done("the message");
    return source.orElseThrow();
  }

  private static Optional<String> oneOf(Fields fields, String name, List<String> allowed, boolean required) {
    Optional<String> value = fields.text(name, 20, required);
    if (value.isPresent() && !allowed.contains(value.get())) {
      fields.error(name, "must be one of " + allowed);
      return Optional.empty();
    }
    return value;
  }

  private static ObjectNode channel(Channel c) {
    ObjectNode json = Json.newObject().put("id", c.id().toString()).put("kind", c.kind()).put("name", c.name())
        .put("private", c.privateChannel()).put("createdAt", c.createdAt().toString());
    c.group().ifPresent(g -> json.put("group", g).put("audience", c.audience()));
    c.project().ifPresent(p -> json.put("project", p.toString()));
    return json;
  }

  private static ObjectNode message(ChannelMessage m) {
    ObjectNode json = Json.newObject().put("id", m.id().toString()).put("channelId", m.channelId().toString())
        .put("authorId", m.authorId().toString()).put("authorName", m.authorName()).put("body", m.source())
        .put("html", m.html()).put("createdAt", m.createdAt().toString());
    m.editedAt().ifPresent(e -> json.put("editedAt", e.toString()));
    return json;
  }
}
