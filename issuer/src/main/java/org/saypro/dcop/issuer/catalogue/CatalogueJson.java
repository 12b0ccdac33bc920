package org.saypro.dcop.issuer.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.Alignment;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Reads catalogue requests field by field, naming every offending field; writes catalogue entries as JSON. */
final class CatalogueJson {

  private CatalogueJson() {}

  static Qualification qualification(JsonNode body, UUID organisationId) {
    List<FieldError> errors = new ArrayList<>();
    String code = text(body, "code", true, errors);
    String title = text(body, "title", true, errors);
    String description = text(body, "description", true, errors);
    String criteria = text(body, "criteria", true, errors);
    String type = Optional.ofNullable(text(body, "achievementType", false, errors)).orElse("Certificate");
    OptionalInt credits = integer(body, "credits", errors);
    OptionalInt validity = integer(body, "validityMonths", errors);
    List<Alignment> alignments = new ArrayList<>();
    JsonNode level = body.get("level");
    if (level != null && !level.isNull()) {
      try {
        String framework = level.path("framework").asText("");
        String value = level.path("level").asText("");
        alignments.add(new Alignment(framework + " level " + value, level.path("url").asText(null),
            Optional.of(value), Optional.of(framework)));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("/level", "needs framework, level and url (an http(s) URL describing the level)"));
      }
    }
    JsonNode listed = body.get("alignments");
    if (listed != null && !listed.isNull()) {
      if (!listed.isArray() || listed.size() > 20) {
        errors.add(new FieldError("/alignments", "must be a list of at most 20 alignments"));
      } else {
        for (int i = 0; i < listed.size(); i++) {
          try {
            alignments.add(Alignment.fromJson(listed.get(i)));
          } catch (IllegalArgumentException e) {
            errors.add(new FieldError("/alignments/" + i, e.getMessage()));
          }
        }
      }
    }
    if (errors.isEmpty()) {
      try {
        return new Qualification(UUID.randomUUID(), organisationId, code, title, description, criteria, type, credits,
            validity, alignments, Instant.now());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("", e.getMessage()));
      }
    }
    throw invalid("the qualification is not valid", errors);
  }

  static FrameworkMapping mapping(JsonNode body, Optional<UUID> recordedBy) {
    List<FieldError> errors = new ArrayList<>();
    String fromFramework = text(body, "fromFramework", true, errors);
    String fromCode = text(body, "fromCode", true, errors);
    String toFramework = text(body, "toFramework", true, errors);
    String toCode = text(body, "toCode", true, errors);
    String relation = text(body, "relation", true, errors);
    String note = text(body, "note", false, errors);
    if (errors.isEmpty()) {
      try {
        return new FrameworkMapping(UUID.randomUUID(), fromFramework, fromCode, toFramework, toCode, relation,
            Optional.ofNullable(note), recordedBy, Instant.now());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("", e.getMessage()));
      }
    }
    throw invalid("the framework mapping is not valid", errors);
  }

  /** {@code {"did": ..., "name"?}} or {@code {"email": ..., "name"?}}. */
  static Recipient recipient(JsonNode learner, String pointer, List<FieldError> errors) {
    if (learner == null || !learner.isObject()) {
      errors.add(new FieldError(pointer, "is required: {\"did\"} or {\"email\"}, with an optional \"name\""));
      return null;
    }
    Optional<String> name = Optional.ofNullable(learner.path("name").isTextual() ? learner.get("name").asText() : null);
    boolean hasDid = learner.hasNonNull("did");
    boolean hasEmail = learner.hasNonNull("email");
    if (hasDid == hasEmail) {
      errors.add(new FieldError(pointer, "names the learner by exactly one of did or email"));
      return null;
    }
    try {
      return hasDid ? new Recipient.ByDid(learner.get("did").asText(), name)
          : new Recipient.ByEmail(learner.get("email").asText(), name);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(pointer + (hasDid ? "/did" : "/email"), e.getMessage()));
      return null;
    }
  }

  static ObjectNode write(Qualification q, String url) {
    ObjectNode json = Json.newObject();
    json.put("id", url);
    json.put("code", q.code());
    json.put("title", q.title());
    json.put("description", q.description());
    json.put("criteria", q.criteria());
    json.put("achievementType", q.achievementType());
    q.credits().ifPresent(c -> json.put("credits", c));
    q.validityMonths().ifPresent(m -> json.put("validityMonths", m));
    ArrayNode alignments = json.putArray("alignments");
    q.alignments().forEach(a -> alignments.add(a.toJson()));
    return json;
  }

  static ObjectNode write(FrameworkMapping m) {
    ObjectNode json = Json.newObject();
    json.put("id", m.id().toString());
    json.put("fromFramework", m.fromFramework()).put("fromCode", m.fromCode());
    json.put("toFramework", m.toFramework()).put("toCode", m.toCode());
    json.put("relation", m.relation());
    m.note().ifPresent(n -> json.put("note", n));
    return json;
  }

  static ProblemException invalid(String detail, List<FieldError> errors) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail, errors);
  }

  private static String text(JsonNode body, String field, boolean required, List<FieldError> errors) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        errors.add(new FieldError("/" + field, "is required"));
      }
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      errors.add(new FieldError("/" + field, "must be non-empty text"));
      return null;
    }
    return value.textValue().strip();
  }

  private static OptionalInt integer(JsonNode body, String field, List<FieldError> errors) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return OptionalInt.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      errors.add(new FieldError("/" + field, "must be a whole number"));
      return OptionalInt.empty();
    }
    return OptionalInt.of(value.intValue());
  }
}
