package org.saypro.dcop.community.pages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.FormTokens;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.channels.Channel;
import org.saypro.dcop.community.channels.ChannelHit;
import org.saypro.dcop.community.channels.ChannelListing;
import org.saypro.dcop.community.channels.ChannelMessage;
import org.saypro.dcop.community.channels.Channels;
import org.saypro.dcop.community.forums.MarkdownRenderer;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.community.support.Page;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Team channels as pages without JavaScript: the caller's channels (with a search of them), a channel's messages
 * and the form to post one, which carries the session's form token. Membership is checked as in the API.
 */
@Controller("/channels")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ChannelPagesController {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final int MAX_QUERY = 200;
  private static final Map<String, String> KIND_LABELS = Map.of("group", "Working group channels", "project",
      "Project channels", "task-force", "Task forces");

  private final Channels channels;
  private final CommunityAccess access;
  private final FormTokens formTokens;
  private final Pages pages;

  ChannelPagesController(Channels channels, CommunityAccess access, FormTokens formTokens, Pages pages) {
    this.channels = channels;
    this.access = access;
    this.formTokens = formTokens;
    this.pages = pages;
  }

  /**
   * The channel directory, grouped by kind (the caller's channels and every channel that is not private, with member
   * counts), and a search of the caller's channels. The directory pages with "cursor", the search with "found".
   */
  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> index(@Nullable Authentication authentication, @QueryValue("q") @Nullable String q,
      @Nullable @QueryValue String cursor, @Nullable @QueryValue String found, HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    UUID me = caller.user().id();
    Page<ChannelListing> directory = channels.directory(me, PageModels.page(cursor));
    Map<String, Object> values = new HashMap<>();
    values.put("kinds", Channel.KINDS.stream().map(kind -> Map.<String, Object>of("label", KIND_LABELS.get(kind),
        "channels", directory.items().stream().filter(l -> l.channel().kind().equals(kind))
            .map(ChannelPagesController::listing).toList())).toList());
    values.put("empty", directory.items().isEmpty());
    values.put("next", directory.next().orElse(""));
    values.put("query", q == null ? "" : q);
    values.put("searched", q != null && !q.isBlank());
    values.put("hits", List.of());
    values.put("moreHits", "");
    if (q != null && !q.isBlank()) {
      Fields fields = fields(Map.of("q", q));
      Optional<String> query = fields.text("q", MAX_QUERY, true);
      fields.done("the search");
      Page<ChannelHit> hits = channels.search(me, query.get(), PageModels.page(found));
      values.put("hits", hits.items().stream().map(h -> Map.<String, Object>of("channelId",
          h.channelId().toString(), "channel", h.channelName(), "excerpt", h.excerpt())).toList());
      values.put("moreHits", hits.next().orElse(""));
    }
    return HttpResponse.ok(pages.view("channels/index", request, values));
  }

  /** A page of the channel's messages, oldest first on the page; "next" leads to older ones. */
  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> channel(@Nullable Authentication authentication, String id, @Nullable @QueryValue String cursor,
      HttpRequest<?> request) {
    Channel channel = channels.channel(uuid(id));
    access.channelMember(authentication, channel);
    Page<ChannelMessage> page = channels.messages(channel, PageModels.page(cursor));
    List<ChannelMessage> conversation = new ArrayList<>(page.items());
    Collections.reverse(conversation);
    Map<String, Object> values = new HashMap<>();
    values.put("channel", Map.of("id", channel.id().toString(), "name", channel.name(), "kind", channel.kind()));
    // "html" is MarkdownRenderer's sanitised output, stored with the message: the template's one th:utext.
    values.put("messages", conversation.stream().map(m -> Map.<String, Object>of("id",
        m.id().toString(), "author", m.authorName(), "when", WHEN.format(m.createdAt())
            + (m.editedAt().isPresent() ? " (edited)" : ""), "html", m.html())).toList());
    values.put("next", page.next().orElse(""));
    return HttpResponse.ok(pages.view("channels/channel", request, values));
  }

  @Post(uri = "/{id}/messages", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  HttpResponse<?> post(@Nullable Authentication authentication, String id, @Body Map<String, String> form,
      HttpRequest<?> request) {
    access.signedIn(authentication);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    Channel channel = channels.channel(uuid(id));
    Caller caller = access.channelMember(authentication, channel);
    Fields fields = fields(form);
    Optional<String> body = fields.text("body", MarkdownRenderer.MAX_SOURCE, true);
    fields.done("the message");
    channels.post(channel, caller.user().id(), body.get());
    return HttpResponse.seeOther(URI.create("/channels/" + channel.id()));
  }

  /** A directory entry, with how to join when the caller is not a member. */
  private static Map<String, Object> listing(ChannelListing l) {
    Channel c = l.channel();
    String join = l.member() ? "" : switch (c.kind()) {
      case "group" -> c.audience().equals("coordinators") ? "For the group's coordinators."
          : "Join the working group to take part.";
      case "project" -> "Members of the project take part.";
      default -> "Ask one of the task force's admins to add you.";
    };
    Map<String, Object> model = new HashMap<>();
    model.put("id", c.id().toString());
    model.put("name", c.name());
    model.put("visibility", c.privateChannel() ? "private" : "open");
    model.put("members", l.members() + (l.members() == 1 ? " member" : " members"));
    model.put("member", l.member());
    model.put("join", join);
    model.put("group", c.group().orElse(""));
    return model;
  }

  /** Form fields read with the same rules as the API's JSON fields. */
  private static Fields fields(Map<String, String> form) {
    ObjectNode body = Json.newObject();
    form.forEach(body::put);
    return new Fields(body);
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no channel has the id " + text);
    }
  }
}
