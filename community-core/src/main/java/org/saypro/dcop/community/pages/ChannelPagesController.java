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
import org.saypro.dcop.community.channels.Channels;
import org.saypro.dcop.community.forums.MarkdownRenderer;
import org.saypro.dcop.community.support.Fields;
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

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> index(@Nullable Authentication authentication, @QueryValue("q") @Nullable String q,
      HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    UUID me = caller.user().id();
    Map<String, Object> values = new HashMap<>();
    values.put("channels", channels.mine(me).stream().map(c -> Map.<String, Object>of("id", c.id().toString(),
        "name", c.name(), "kind", c.kind() + (c.privateChannel() ? ", private" : ""))).toList());
    values.put("query", q == null ? "" : q);
    values.put("searched", q != null && !q.isBlank());
    if (q != null && !q.isBlank()) {
      Fields fields = fields(Map.of("q", q));
      Optional<String> query = fields.text("q", MAX_QUERY, true);
      fields.done("the search");
      values.put("hits", channels.search(me, query.get()).stream().map(h -> Map.<String, Object>of("channelId",
          h.channelId().toString(), "channel", h.channelName(), "excerpt", h.excerpt())).toList());
    } else {
      values.put("hits", List.of());
    }
    return HttpResponse.ok(pages.view("channels/index", request, values));
  }

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> channel(@Nullable Authentication authentication, String id, HttpRequest<?> request) {
    Channel channel = channels.channel(uuid(id));
    access.channelMember(authentication, channel);
    Map<String, Object> values = new HashMap<>();
    values.put("channel", Map.of("id", channel.id().toString(), "name", channel.name(), "kind", channel.kind()));
    // "html" is MarkdownRenderer's sanitised output, stored with the message: the template's one th:utext.
    values.put("messages", channels.messages(channel).stream().map(m -> Map.<String, Object>of("id",
        m.id().toString(), "author", m.authorName(), "when", WHEN.format(m.createdAt())
            + (m.editedAt().isPresent() ? " (edited)" : ""), "html", m.html())).toList());
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
