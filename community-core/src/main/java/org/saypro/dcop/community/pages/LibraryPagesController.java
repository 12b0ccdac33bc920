package org.saypro.dcop.community.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
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
import org.saypro.dcop.community.resources.Resource;
import org.saypro.dcop.community.resources.ResourceFilter;
import org.saypro.dcop.community.resources.ResourceKind;
import org.saypro.dcop.community.resources.ResourceLibrary;
import org.saypro.dcop.community.resources.ResourceMetadata;
import org.saypro.dcop.community.resources.ResourcePublishing;
import org.saypro.dcop.community.resources.ResourceReading;
import org.saypro.dcop.community.resources.ResourceVersion;
import org.saypro.dcop.community.resources.Upload;
import org.saypro.dcop.community.resources.VersionState;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * The resource library as pages without JavaScript: the list with its filters (a GET form), a resource with its
 * versions, the upload form, and the reviewers' queue. Every POST carries the session's form token.
 */
@Controller("/library")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class LibraryPagesController {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final List<Map<String, Object>> KINDS = Arrays.stream(ResourceKind.values())
      .map(k -> Map.<String, Object>of("code", k.code(), "label", k.label())).toList();

  private final ResourceLibrary library;
  private final ResourcePublishing publishing;
  private final ResourceReading reading;
  private final CommunityAccess access;
  private final FormTokens formTokens;
  private final Pages pages;

  LibraryPagesController(ResourceLibrary library, ResourcePublishing publishing, ResourceReading reading,
      CommunityAccess access, FormTokens formTokens, Pages pages) {
    this.library = library;
    this.publishing = publishing;
    this.reading = reading;
    this.access = access;
    this.formTokens = formTokens;
    this.pages = pages;
  }

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> index(@Nullable Authentication authentication, @Nullable @QueryValue String q,
      @Nullable @QueryValue String kind, @Nullable @QueryValue String group, @Nullable @QueryValue String tag,
      @Nullable @QueryValue String licence, @Nullable @QueryValue String cursor, HttpRequest<?> request) {
    access.signedIn(authentication);
    Optional<ResourceKind> parsed = Optional.ofNullable(kind).filter(k -> !k.isBlank()).flatMap(ResourceKind::byCode);
    ResourceFilter filter = new ResourceFilter(present(q).filter(t -> t.length() <= 200), parsed, present(group),
        present(tag).map(t -> t.toLowerCase(Locale.ROOT)), present(licence));
    Map<String, Object> values = PageModels.paged(library.search(filter, PageModels.page(cursor)),
        LibraryPagesController::summary);
    values.put("resources", values.remove("items"));
    values.put("kinds", KINDS);
    values.put("filter", Map.of("q", present(q).orElse(""), "kind", parsed.map(ResourceKind::code).orElse(""),
        "group", present(group).orElse(""), "tag", present(tag).orElse(""), "licence", present(licence).orElse("")));
    return HttpResponse.ok(pages.view("library/index", request, values));
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  HttpResponse<?> uploadForm(@Nullable Authentication authentication, HttpRequest<?> request) {
    access.signedIn(authentication);
    return HttpResponse.ok(pages.view("library/new", request, Map.of("kinds", KINDS,
        "maxMegabytes", publishing.maxBytes() / (1024 * 1024))));
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  HttpResponse<?> upload(@Nullable Authentication authentication, @Nullable @Part("file") CompletedFileUpload file,
      @Nullable @Part("csrf") String csrf, @Nullable @Part("title") String title,
      @Nullable @Part("description") String description, @Nullable @Part("kind") String kind,
      @Nullable @Part("group") String group, @Nullable @Part("tags") String tags,
      @Nullable @Part("licence") String licence, @Nullable @Part("organisation") String organisation,
      HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    formTokens.check(request, Optional.ofNullable(csrf));
    UUID id = publishing.create(ResourceMetadata.read(title, description, kind, group, tags, licence,
        organisation, library::groupExists), Upload.from(file), caller.user().id());
    return HttpResponse.seeOther(URI.create("/library/r/" + id));
  }

  @Get(uri = "/r/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> resource(@Nullable Authentication authentication, String id, HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    Resource resource = reading.resource(caller, id);
    boolean author = resource.authorId().equals(caller.user().id());
    boolean reviewer = access.reviewsResources(caller, resource.group());
    Map<String, Object> values = new HashMap<>();
    values.put("resource", summary(resource));
    values.put("description", resource.description());
    values.put("versions", reading.versions(caller, resource).stream().map(v -> version(v, author, reviewer))
        .toList());
    return HttpResponse.ok(pages.view("library/resource", request, values));
  }

  @Get(uri = "/r/{id}/v/{version}/file")
  HttpResponse<StreamedFile> download(@Nullable Authentication authentication, String id, int version) {
    return reading.download(access.signedIn(authentication), id, version);
  }

  @Post(uri = "/r/{id}/v/{version}/submission", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> submit(@Nullable Authentication authentication, String id, int version,
      @Body Map<String, String> form, HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    Resource resource = reading.resource(caller, id);
    ResourceVersion found = reading.version(caller, resource, version);
    if (!resource.authorId().equals(caller.user().id())) {
      throw new ProblemException(ProblemType.FORBIDDEN, "only the resource's author may submit it for review");
    }
    publishing.submit(found);
    return HttpResponse.seeOther(URI.create("/library/r/" + resource.id()));
  }

  @Post(uri = "/r/{id}/v/{version}/review", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> review(@Nullable Authentication authentication, String id, int version,
      @Body Map<String, String> form, HttpRequest<?> request) {
    Caller caller = formSender(authentication, form, request);
    Resource resource = reading.resource(caller, id);
    Caller reviewer = access.resourceReviewer(authentication, resource.group());
    String decision = String.valueOf(form.get("decision"));
    if (!decision.equals("approve") && !decision.equals("reject")) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the decision is approve or reject");
    }
    Optional<String> note = Optional.ofNullable(form.get("note")).map(String::strip).filter(n -> !n.isEmpty())
        .map(n -> n.length() > 2000 ? n.substring(0, 2000) : n);
    publishing.review(resource, library.version(resource.id(), version), decision.equals("approve"), note,
        reviewer.user().id());
    return HttpResponse.seeOther(URI.create("/library/review"));
  }

  @Get(uri = "/review", produces = MediaType.TEXT_HTML)
  HttpResponse<?> queue(@Nullable Authentication authentication, @Nullable @QueryValue String cursor,
      HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    Map<String, Object> values = PageModels.paged(library.queue(access.reviewedGroups(caller),
        PageModels.page(cursor)), q -> Map.of("id", q.resource().id().toString(), "title", q.resource().title(),
            "group", q.resource().group(), "version", q.version(), "fileName", q.fileName(), "when",
            WHEN.format(q.uploadedAt())));
    values.put("queued", values.remove("items"));
    return HttpResponse.ok(pages.view("library/review", request, values));
  }

  /** The signed-in sender of a form with the session's form token. */
  private Caller formSender(@Nullable Authentication authentication, Map<String, String> form,
      HttpRequest<?> request) {
    Caller caller = access.signedIn(authentication);
    formTokens.check(request, Optional.ofNullable(form.get(FormTokens.FIELD)));
    return caller;
  }

  private static Map<String, Object> summary(Resource r) {
    return Map.of("id", r.id().toString(), "title", r.title(), "kind", r.kind().label(), "group", r.group(),
        "tags", String.join(", ", r.tags()), "licence", r.licence(), "organisation", r.organisation(),
        "downloads", r.downloads(), "published", r.published());
  }

  private static Map<String, Object> version(ResourceVersion v, boolean author, boolean reviewer) {
    Map<String, Object> model = new HashMap<>();
    model.put("version", v.version());
    model.put("fileName", v.fileName());
    model.put("mediaType", v.mediaType());
    model.put("kilobytes", Math.max(1, v.sizeBytes() / 1024));
    model.put("state", v.state().code());
    model.put("when", WHEN.format(v.uploadedAt()));
    model.put("downloads", v.downloads());
    model.put("note", v.reviewNote().orElse(""));
    model.put("submittable", author && (v.state() == VersionState.DRAFT || v.state() == VersionState.REJECTED));
    model.put("reviewable", reviewer && v.state() == VersionState.SUBMITTED);
    model.put("href", "/library/r/" + v.resourceId() + "/v/" + v.version() + "/file");
    return model;
  }

  private static Optional<String> present(@Nullable String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}
