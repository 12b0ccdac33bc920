package org.saypro.dcop.issuer.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Serves signed status lists as stored by the last change: no signing or encoding per request, an ETag per version
 * and form, and a Cache-Control lifetime of the configured time to live.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Status")
class StatusListController {

  static final String VC_JWT = "application/vc+jwt";
  static final String VC = "application/vc";

  private final StatusStore store;
  private final StatusSettings settings;

  StatusListController(StatusStore store, StatusSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  @Get(uri = "/status/{listId}", produces = {VC, VC_JWT})
  @Operation(
      summary = "A BitstringStatusListCredential (revocation-<n> or suspension-<n>)",
      description = "vc+jwt with Accept: application/vc+jwt or ?format=vc+jwt; otherwise the JSON credential with an"
          + " eddsa-rdfc-2022 proof. Conditional requests with If-None-Match are answered 304.")
  @Transactional(readOnly = true)
  HttpResponse<String> list(String listId, @Nullable @QueryValue String format, HttpRequest<?> request) {
    return serve(parse(StatusListId.SERVICE, listId), format, request);
  }

  @Get(uri = "/issuers/{slug}/status/{listId}", produces = {VC, VC_JWT})
  @Operation(
      summary = "A status list of an organisation issuing under its own DID, signed by that DID",
      description = "As /status/{listId}, for the credentials the organisation issued.")
  @Transactional(readOnly = true)
  HttpResponse<String> organisationList(
      String slug, String listId, @Nullable @QueryValue String format, HttpRequest<?> request) {
    if (!slug.matches("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?")) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no issuing organisation " + slug);
    }
    return serve(parse(slug, listId), format, request);
  }

  private static StatusListId parse(String owner, String listId) {
    return StatusListId.parse(listId)
        .filter(id -> id.owner().isEmpty())
        .map(id -> new StatusListId(owner, id.purpose(), id.seq()))
        .orElseThrow(() -> new ProblemException(
            ProblemType.INVALID_REQUEST, "a status list id is revocation-<n> or suspension-<n>",
            List.of(new FieldError("/listId", "must be revocation-<n> or suspension-<n>, n from 1"))));
  }

  private HttpResponse<String> serve(StatusListId id, String format, HttpRequest<?> request) {
    StatusStore.Published published =
        store.published(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no status list " + id));
    boolean jwt = wantsJwt(format, request.getHeaders().get("Accept"));
    String etag = "\"" + id.name() + "." + published.version() + (jwt ? ".jwt" : ".di") + "\"";
    String cacheControl = "public, max-age=" + settings.ttl().toSeconds();
    String ifNoneMatch = request.getHeaders().get("If-None-Match");
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      return HttpResponse.<String>notModified().header("ETag", etag).header("Cache-Control", cacheControl)
          .header("Vary", "Accept");
    }
    return HttpResponse.ok(jwt ? published.vcJwt() : published.diJson())
        .contentType(jwt ? VC_JWT : VC)
        .header("ETag", etag)
        .header("Cache-Control", cacheControl)
        .header("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            published.builtAt().atZone(java.time.ZoneOffset.UTC)))
        .header("Vary", "Accept");
  }

  /**
   * RFC 9110, 13.1.2: If-None-Match compares weakly, so a tag a cache or proxy marked weak ({@code W/"..."}) still
   * matches, and {@code *} matches any current list.
   */
  private static boolean matches(String ifNoneMatch, String etag) {
    for (String tag : ifNoneMatch.strip().split("\\s*,\\s*")) {
      String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
      if (opaque.equals("*") || opaque.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static boolean wantsJwt(String format, String accept) {
    if (format != null) {
      // "vc jwt": an unencoded '+' in a query string is a space, and ?format=vc+jwt is how people will type it
      if (format.equals("vc+jwt") || format.equals("vc jwt") || format.equals("jwt")) {
        return true;
      }
      if (format.equals("di") || format.equals("json")) {
        return false;
      }
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "format is vc+jwt or di",
          List.of(new FieldError("?format", "must be vc+jwt or di")));
    }
    return accept != null && jwtPreferred(accept);
  }

  /**
   * vc+jwt when the Accept header rates it above every JSON form it accepts (a wildcard counts a shade below the
   * same quality, so {@code application/vc+jwt, *}{@code /*} asks for the JWT); JSON on a tie, as the default.
   */
  private static boolean jwtPreferred(String accept) {
    double jwt = 0;
    double json = 0;
    for (String part : accept.split(",")) {
      MediaType type;
      try {
        type = MediaType.of(part.strip());
      } catch (IllegalArgumentException e) {
        continue;
      }
      double quality = type.getQualityAsNumber().doubleValue();
      String name = type.getName();
      if (name.equals(VC_JWT)) {
        jwt = Math.max(jwt, quality);
      } else if (JSON_FORMS.contains(name)) {
        json = Math.max(json, quality);
      } else if (name.equals("*/*") || name.equals("application/*")) {
        json = Math.max(json, quality - 0.0001);
      }
    }
    return jwt > 0 && jwt > json;
  }

  private static final java.util.Set<String> JSON_FORMS =
      java.util.Set.of(VC, "application/vc+ld+json", "application/ld+json", "application/json");
}
