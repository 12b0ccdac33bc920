package org.saypro.dcop.community.badges.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.community.badges.BadgeRules;
import org.saypro.dcop.community.badges.Progress;
import org.saypro.dcop.core.json.Json;

/** A member's progress towards every badge: JSON at /me/badges, a page at /my/badges. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Badge rules")
class MyBadgesController {

  private final Authorizer authorizer;
  private final BadgeRules rules;
  private final Pages pages;

  MyBadgesController(Authorizer authorizer, BadgeRules rules, Pages pages) {
    this.authorizer = authorizer;
    this.rules = rules;
    this.pages = pages;
  }

  @Get(uri = "/me/badges", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in member's progress towards each badge, and the badges awarded")
  String json(@Nullable Authentication authentication) {
    Caller caller = authorizer.signedIn(authentication);
    ObjectNode json = Json.newObject();
    ArrayNode badges = json.putArray("badges");
    for (BadgeRules.MemberProgress p : rules.progress(caller.user().id())) {
      ObjectNode badge = badges.addObject().put("rule", p.rule().id().toString()).put("name", p.rule().definition()
          .name()).put("badge", p.badgeTitle()).put("awarded", p.award().isPresent());
      p.award().flatMap(a -> a.credential()).ifPresent(c -> badge.put("credential", c.toString()));
      p.award().ifPresent(a -> badge.put("revoked", a.revokedAt().isPresent()));
      ArrayNode steps = badge.putArray("progress");
      p.steps().forEach(step -> steps.add(step.sentence()));
    }
    return Json.writeString(json);
  }

  @Get(uri = "/my/badges", produces = MediaType.TEXT_HTML)
  @Hidden
  HttpResponse<?> page(@Nullable Authentication authentication, HttpRequest<?> request) {
    Caller caller = authorizer.signedIn(authentication);
    List<Map<String, Object>> badges = rules.progress(caller.user().id()).stream().map(p -> Map.<String, Object>of(
        "name", p.rule().definition().name(), "badge", p.badgeTitle(),
        "awarded", p.award().isPresent() && p.award().get().revokedAt().isEmpty(),
        "revoked", p.award().flatMap(a -> a.revokedAt()).isPresent(),
        "credential", p.award().flatMap(a -> a.credential()).map(c -> "/credentials/" + c).orElse(""),
        "steps", p.steps().stream().map(s -> Map.of("text", s.sentence(), "done", s.done(),
            "percent", percent(s))).toList())).toList();
    return HttpResponse.ok(pages.view("badges/mine", request, Map.of("badges", badges)));
  }

  private static int percent(Progress step) {
    return step.have().multiply(java.math.BigDecimal.valueOf(100))
        .divide(step.need(), java.math.RoundingMode.DOWN).min(java.math.BigDecimal.valueOf(100)).intValue();
  }
}
