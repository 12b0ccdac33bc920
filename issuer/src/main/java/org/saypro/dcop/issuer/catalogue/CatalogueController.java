package org.saypro.dcop.issuer.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.credentials.IssueResponses;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The qualification catalogue of each organisation, awards, and framework mappings. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Catalogue")
class CatalogueController {

  private final Catalogue catalogue;
  private final AwardQualification awards;
  private final IssuerSettings settings;
  private final Authorizer authorizer;

  CatalogueController(
      Catalogue catalogue, AwardQualification awards, IssuerSettings settings, Authorizer authorizer) {
    this.catalogue = catalogue;
    this.awards = awards;
    this.settings = settings;
    this.authorizer = authorizer;
  }

  @Post(uri = "/organisations/{slug}/qualifications", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a qualification to an organisation's catalogue",
      description = "{\"code\", \"title\", \"description\", \"criteria\", \"achievementType\" (Open Badges type,"
          + " default Certificate), \"level\": {\"framework\", \"level\", \"url\"}, \"credits\", \"validityMonths\","
          + " \"alignments\": [{\"targetName\", \"targetUrl\", \"targetCode\", \"targetFramework\"}]}")
  HttpResponse<String> add(@Nullable Authentication authentication, String slug, @Body byte[] body) {
    authorizer.signedIn(authentication);
    Organisation organisation = organisation(slug);
    authorizer.officerOf(authentication, organisation);
    Qualification qualification =
        CatalogueJson.qualification(JsonBodies.readObject(body, settings.maxJsonBytes()), organisation.id());
    if (!catalogue.add(qualification)) {
      throw new ProblemException(ProblemType.DUPLICATE_QUALIFICATION,
          organisation.name() + " already has a qualification with code " + qualification.code(),
          List.of(new FieldError("/code", "is already in this catalogue")));
    }
    String url = awards.achievementId(organisation, qualification);
    return HttpResponse.<String>status(HttpStatus.CREATED).header("Location", url)
        .body(Json.writeString(CatalogueJson.write(qualification, url)));
  }

  @Get(uri = "/organisations/{slug}/qualifications", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "An organisation's qualification catalogue")
  HttpResponse<String> list(String slug) {
    Organisation organisation = organisation(slug);
    ArrayNode list = Json.mapper().createArrayNode();
    catalogue.list(organisation).forEach(q -> list.add(CatalogueJson.write(q, awards.achievementId(organisation, q))));
    return HttpResponse.ok(Json.writeString(Json.newObject().set("qualifications", list)));
  }

  @Get(uri = "/organisations/{slug}/qualifications/{code}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "One qualification: the Achievement its awards point at")
  HttpResponse<String> one(String slug, String code) {
    Organisation organisation = organisation(slug);
    Qualification qualification = qualification(organisation, code);
    return HttpResponse.ok(
        Json.writeString(CatalogueJson.write(qualification, awards.achievementId(organisation, qualification))));
  }

  @Post(uri = "/organisations/{slug}/qualifications/{code}/awards", consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Award a qualification to a learner (an Open Badges 3.0 AchievementCredential)",
      description = "{\"learner\": {\"did\"} or {\"email\"}, with an optional \"name\"; \"validFrom\" optional}. The"
          + " email appears in the credential only as a salted hash. Awarding the same qualification to the same"
          + " learner again returns the first award (200, Idempotent-Replayed: true).")
  HttpResponse<String> award(@Nullable Authentication authentication, String slug, String code, @Body byte[] body) {
    authorizer.signedIn(authentication);
    Organisation organisation = organisation(slug);
    Caller caller = authorizer.officerOf(authentication, organisation);
    Qualification qualification = qualification(organisation, code);
    if (organisation.issuerDid().isEmpty()) {
      throw new ProblemException(ProblemType.NOT_AN_ISSUER, organisation.name() + " does not issue credentials here");
    }
    JsonNode request = JsonBodies.readObject(body, settings.maxJsonBytes());
    List<FieldError> errors = new ArrayList<>();
    Recipient recipient = CatalogueJson.recipient(request.get("learner"), "/learner", errors);
    Optional<Instant> validFrom = Optional.empty();
    if (request.hasNonNull("validFrom")) {
      try {
        validFrom = Optional.of(Instant.parse(request.get("validFrom").asText()));
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("/validFrom", "must be a date-time such as 2026-11-23T10:00:00Z"));
      }
    }
    if (!errors.isEmpty()) {
      throw CatalogueJson.invalid("the award request is not valid", errors);
    }
    MutableHttpResponse<String> response = IssueResponses.of(awards.award(organisation, qualification, recipient, validFrom, caller.actor()),
        settings);
    return "true".equals(response.getHeaders().get("Idempotent-Replayed")) ? response.status(HttpStatus.OK) : response;
  }

  @Post(uri = "/framework-mappings", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record that an entry of one qualifications framework is recognised as an entry of another",
      description = "{\"fromFramework\", \"fromCode\", \"toFramework\", \"toCode\", \"relation\": equivalent |"
          + " comparable | partial, \"note\"}")
  HttpResponse<String> addMapping(@Nullable Authentication authentication, @Body byte[] body) {
    Caller caller = authorizer.accreditationOfficer(authentication);
    Optional<java.util.UUID> recordedBy = authorizer.accreditationBodies(caller).stream().findFirst();
    FrameworkMapping mapping =
        CatalogueJson.mapping(JsonBodies.readObject(body, settings.maxJsonBytes()), recordedBy);
    boolean added = catalogue.addMapping(mapping);
    return HttpResponse.<String>status(added ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Json.writeString(CatalogueJson.write(mapping)));
  }

  @Get(uri = "/framework-mappings", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "What an entry of a framework is recognised as, in either direction")
  HttpResponse<String> mappings(@Nullable @QueryValue String framework, @Nullable @QueryValue String code) {
    List<FieldError> errors = new ArrayList<>();
    if (framework == null || framework.isBlank()) {
      errors.add(new FieldError("?framework", "is required"));
    }
    if (code == null || code.isBlank()) {
      errors.add(new FieldError("?code", "is required"));
    }
    if (!errors.isEmpty()) {
      throw CatalogueJson.invalid("name a framework and a code", errors);
    }
    ArrayNode list = Json.mapper().createArrayNode();
    catalogue.mappings(framework, code).forEach(m -> list.add(CatalogueJson.write(m)));
    ObjectNode json = Json.newObject();
    json.set("mappings", list);
    return HttpResponse.ok(Json.writeString(json));
  }

  private Organisation organisation(String slug) {
    return catalogue.organisation(slug)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no organisation " + slug));
  }

  private Qualification qualification(Organisation organisation, String code) {
    return catalogue.find(organisation, code)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, organisation.name() + " has no qualification "
            + code));
  }
}
