package org.saypro.dcop.community.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.community.resources.NewResource;
import org.saypro.dcop.community.resources.Resource;
import org.saypro.dcop.community.resources.ResourceFilter;
import org.saypro.dcop.community.resources.ResourceKind;
import org.saypro.dcop.community.resources.ResourceLibrary;
import org.saypro.dcop.community.resources.ResourceMetadata;
import org.saypro.dcop.community.resources.ResourcePublishing;
import org.saypro.dcop.community.resources.ResourceReading;
import org.saypro.dcop.community.resources.ResourceVersion;
import org.saypro.dcop.community.resources.Review;
import org.saypro.dcop.community.resources.Upload;
import org.saypro.dcop.community.support.Fields;
import org.saypro.dcop.community.support.PageRequest;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * The resource library for signed-in members: uploads (multipart), versions, submission, review by the group's
 * coordinators, search over published resources and downloads.
 */
@Controller("/community/resources")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Community")
class ResourcesController {

  private final ResourceLibrary library;
  private final ResourcePublishing publishing;
  private final ResourceReading reading;
  private final CommunityAccess access;

  ResourcesController(ResourceLibrary library, ResourcePublishing publishing, ResourceReading reading,
      CommunityAccess access) {
    this.library = library;
    this.publishing = publishing;
    this.reading = reading;
    this.access = access;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Published resources matching the words and filters (kind, group, tag, licence)")
  HttpResponse<String> search(@Nullable Authentication authentication, @Nullable @QueryValue String q,
      @Nullable @QueryValue String kind, @Nullable @QueryValue String group, @Nullable @QueryValue String tag,
      @Nullable @QueryValue String licence, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    access.signedIn(authentication);
    ResourceFilter filter = filter(q, kind, group, tag, licence);
    PageRequest page = PageRequest.of(limit, cursor);
    return CommunityJson.ok(CommunityJson.page(Json.newObject(), "resources", library.search(filter, page),
        ResourceJson::resource));
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Uploads a new resource: its metadata and first file, a draft version 1")
  HttpResponse<String> create(@Nullable Authentication authentication, @Nullable @Part("file") CompletedFileUpload file,
      @Nullable @Part("title") String title, @Nullable @Part("description") String description,
      @Nullable @Part("kind") String kind, @Nullable @Part("group") String group,
      @Nullable @Part("tags") String tags, @Nullable @Part("licence") String licence,
      @Nullable @Part("organisation") String organisation) {
    Caller caller = access.signedIn(authentication);
    NewResource resource = ResourceMetadata.read(title, description, kind, group, tags,
        licence, organisation, library::groupExists);
    UUID id = publishing.create(resource, Upload.from(file), caller.user().id());
    return CommunityJson.created("/community/resources/" + id, ResourceJson.withVersions(library.require(id),
        library.versions(id)));
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The resource and the versions the caller may see (unpublished ones: author and reviewers)")
  HttpResponse<String> resource(@Nullable Authentication authentication, String id) {
    Caller caller = access.signedIn(authentication);
    Resource resource = reading.resource(caller, id);
    return CommunityJson.ok(ResourceJson.withVersions(resource, reading.versions(caller, resource)));
  }

  @Post(uri = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Uploads the next version of the caller's resource, a draft")
  HttpResponse<String> addVersion(@Nullable Authentication authentication, String id,
      @Nullable @Part("file") CompletedFileUpload file) {
    Caller caller = access.signedIn(authentication);
    Resource resource = reading.resource(caller, id);
    if (!resource.authorId().equals(caller.user().id())) {
      throw new ProblemException(ProblemType.FORBIDDEN, "only the resource's author may upload new versions");
    }
    int version = publishing.addVersion(resource, Upload.from(file), caller.user().id());
    return CommunityJson.created("/community/resources/" + id + "/versions/" + version,
        ResourceJson.version(library.version(resource.id(), version)));
  }

  @Post(uri = "/{id}/versions/{version}/submission", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Sends the author's draft (or rejected) version to the group's coordinators for review")
  HttpResponse<String> submit(@Nullable Authentication authentication, String id, int version) {
    Caller caller = access.signedIn(authentication);
    Resource resource = reading.resource(caller, id);
    ResourceVersion found = reading.version(caller, resource, version);
    if (!resource.authorId().equals(caller.user().id())) {
      throw new ProblemException(ProblemType.FORBIDDEN, "only the resource's author may submit it for review");
    }
    publishing.submit(found);
    return CommunityJson.ok(ResourceJson.version(library.version(resource.id(), version)));
  }

  @Post(uri = "/{id}/versions/{version}/review", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Approves (publishes) or rejects a submitted version: coordinators of the group only")
  HttpResponse<String> review(@Nullable Authentication authentication, String id, int version, @Body byte[] body) {
    access.signedIn(authentication);
    Resource resource = library.require(CommunityJson.uuid(id, "resource"));
    Caller reviewer = access.resourceReviewer(authentication, resource.group());
    Fields fields = new Fields(CommunityJson.body(body));
    String decision = fields.text("decision", 10, true).orElse("");
    if (!decision.isEmpty() && !decision.equals("approve") && !decision.equals("reject")) {
      fields.error("decision", "must be approve or reject");
    }
    Optional<String> note = fields.text("note", 2000, false);
    fields.done("the review");
    Review outcome = publishing.review(resource, library.version(resource.id(), version), decision.equals("approve"),
        note, reviewer.user().id());
    JsonNode json = outcome instanceof Review.Published p
        ? Json.newObject().put("version", p.version()).put("state", "approved").put("eventId", p.eventId())
        : Json.newObject().put("version", ((Review.Rejected) outcome).version()).put("state", "rejected");
    return CommunityJson.ok(json);
  }

  @Get(uri = "/review-queue", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Submitted versions waiting for the caller's review, oldest first")
  HttpResponse<String> queue(@Nullable Authentication authentication, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    Caller caller = access.signedIn(authentication);
    PageRequest page = PageRequest.of(limit, cursor);
    return CommunityJson.ok(CommunityJson.page(Json.newObject(), "versions",
        library.queue(access.reviewedGroups(caller), page), ResourceJson::queued));
  }

  @Get(uri = "/{id}/versions/{version}/file")
  @Operation(summary = "Downloads a version as an attachment, typed as sniffed; counts approved downloads")
  HttpResponse<StreamedFile> download(@Nullable Authentication authentication, String id, int version) {
    return reading.download(access.signedIn(authentication), id, version);
  }

  static ResourceFilter filter(String q, String kind, String group, String tag, String licence) {
    Optional<String> kindCode = present(kind);
    Optional<ResourceKind> parsed = kindCode.flatMap(ResourceKind::byCode);
    if (kindCode.isPresent() && parsed.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the search is not valid",
          List.of(new FieldError("/kind", "is not a resource kind")));
    }
    if (present(q).filter(t -> t.length() > ForumsController.MAX_QUERY).isPresent()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the search is not valid",
          List.of(new FieldError("/q", "must be at most " + ForumsController.MAX_QUERY + " characters")));
    }
    return new ResourceFilter(present(q), parsed, present(group), present(tag).map(String::toLowerCase),
        present(licence));
  }

  private static Optional<String> present(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}
