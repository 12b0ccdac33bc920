package org.saypro.dcop.community.resources;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * What a caller may read of the library, shared by the API and the pages: published resources and approved
 * versions for every member; the rest for the author and the group's reviewers only, and 404 for everyone else.
 */
@Singleton
public class ResourceReading {

  private final ResourceLibrary library;
  private final ResourcePublishing publishing;
  private final CommunityAccess access;

  ResourceReading(ResourceLibrary library, ResourcePublishing publishing, CommunityAccess access) {
    this.library = library;
    this.publishing = publishing;
    this.access = access;
  }

  public Resource resource(Caller caller, String id) {
    Resource resource = library.require(uuid(id));
    if (!resource.published() && !seesUnpublished(caller, resource)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no resource has the id " + id);
    }
    return resource;
  }

  public ResourceVersion version(Caller caller, Resource resource, int version) {
    ResourceVersion found = library.version(resource.id(), version);
    if (found.state() != VersionState.APPROVED && !seesUnpublished(caller, resource)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "the resource has no version " + version);
    }
    return found;
  }

  public List<ResourceVersion> versions(Caller caller, Resource resource) {
    boolean all = seesUnpublished(caller, resource);
    return library.versions(resource.id()).stream().filter(v -> all || v.state() == VersionState.APPROVED).toList();
  }

  public boolean seesUnpublished(Caller caller, Resource resource) {
    return access.seesUnpublishedResource(caller, resource.authorId(), resource.group());
  }

  /**
   * The version as a download: an attachment typed as sniffed, with nosniff so a browser never guesses another
   * type. Downloads of approved versions are counted; the author's and reviewers' reads of drafts are not.
   */
  public HttpResponse<StreamedFile> download(Caller caller, String id, int version) {
    ResourceVersion found = version(caller, resource(caller, id), version);
    if (found.state() == VersionState.APPROVED) {
      library.countDownload(found);
    }
    MediaType type = MediaType.of(found.mediaType());
    return HttpResponse.ok(new StreamedFile(publishing.open(found), type)).contentType(type)
        .header("Content-Disposition", Downloads.disposition(found)).header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store");
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(String.valueOf(text));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no resource has the id " + text);
    }
  }
}
