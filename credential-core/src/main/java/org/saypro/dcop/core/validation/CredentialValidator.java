package org.saypro.dcop.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.model.Achievement;
import org.saypro.dcop.core.model.Contexts;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.model.CredentialSubject;
import org.saypro.dcop.core.model.Issuer;
import org.saypro.dcop.core.model.Urls;

/**
 * Checks a credential against the VC Data Model 2.0 rules this service enforces and, for Open Badges, against the
 * bundled Open Badges 3.0 JSON Schema. Every problem is collected; nothing is fetched.
 */
public final class CredentialValidator {

  private final OpenBadgesSchema openBadgesSchema;

  public CredentialValidator(OpenBadgesSchema openBadgesSchema) {
    this.openBadgesSchema = openBadgesSchema;
  }

  public static CredentialValidator withBundledSchemas() {
    return new CredentialValidator(OpenBadgesSchema.bundled());
  }

  public Validation validate(JsonNode input) {
    if (input == null || !input.isObject()) {
      return new Validation.Invalid(List.of(new FieldError("", "a credential must be a JSON object")));
    }
    ObjectNode json = (ObjectNode) input;
    List<FieldError> errors = new ArrayList<>();

    List<String> contexts = contexts(json.get("@context"), errors);
    List<String> types = types(json.get("type"), errors);
    Optional<String> id = optionalUrl(json, "id", "/id", errors);
    Issuer issuer = issuer(json.get("issuer"), errors);
    List<CredentialSubject> subjects = subjects(json.get("credentialSubject"), errors);
    Optional<Instant> validFrom = dateTime(json, "validFrom", errors);
    Optional<Instant> validUntil = dateTime(json, "validUntil", errors);
    if (validFrom.isPresent() && validUntil.isPresent() && validUntil.get().isBefore(validFrom.get())) {
      errors.add(new FieldError("/validUntil", "must not be before validFrom"));
    }
    typedObjects(json.get("credentialStatus"), "/credentialStatus", errors);
    typedObjects(json.get("credentialSchema"), "/credentialSchema", errors);
    for (String legacy : List.of("issuanceDate", "expirationDate")) {
      if (json.has(legacy)) {
        errors.add(new FieldError("/" + legacy, "is VC 1.1; VC 2.0 uses validFrom and validUntil"));
      }
    }

    boolean openBadge = types.contains("OpenBadgeCredential") || types.contains("AchievementCredential");
    Optional<Achievement> achievement = Optional.empty();
    if (openBadge) {
      errors.addAll(openBadgesSchema.validate(json));
      requireOpenBadgeTypes(json.get("credentialSubject"), errors);
      achievement = achievement(json.get("credentialSubject"));
    }
    if (!errors.isEmpty()) {
      return new Validation.Invalid(errors);
    }
    return new Validation.Valid(
        new Credential(contexts, id, types, issuer, validFrom, validUntil, subjects, achievement, json));
  }

  private static List<String> contexts(JsonNode node, List<FieldError> errors) {
    List<String> contexts = new ArrayList<>();
    if (node == null) {
      errors.add(new FieldError("/@context", "is required"));
      return contexts;
    }
    if (node.isTextual()) {
      contexts.add(node.textValue());
    } else if (node.isArray() && !node.isEmpty()) {
      // Pointers use the index in the input array: a skipped embedded context must not shift later ones.
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (!item.isTextual()) {
          errors.add(new FieldError("/@context/" + i, "embedded contexts are not accepted; use a known context URL"));
        } else {
          contexts.add(item.textValue());
          if (i > 0 && !Contexts.isAcceptedExtension(item.textValue())) {
            errors.add(
                new FieldError("/@context/" + i, "unknown context (contexts are never fetched): " + item.textValue()));
          }
        }
      }
    } else {
      errors.add(new FieldError("/@context", "must be a list of context URLs"));
      return contexts;
    }
    JsonNode first = node.isArray() ? node.get(0) : node;
    if (first.isTextual() && !Contexts.CREDENTIALS_V2.equals(first.textValue())) {
      errors.add(new FieldError("/@context/0", "must be " + Contexts.CREDENTIALS_V2));
    }
    return contexts;
  }

  private static List<String> types(JsonNode node, List<FieldError> errors) {
    List<String> types = new ArrayList<>();
    if (node == null) {
      errors.add(new FieldError("/type", "is required"));
    } else if (node.isTextual()) {
      types.add(node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isTextual()) {
          types.add(node.get(i).textValue());
        } else {
          errors.add(new FieldError("/type/" + i, "must be a string"));
        }
      }
    } else {
      errors.add(new FieldError("/type", "must be a string or a list of strings"));
    }
    if (node != null && !types.contains(Credential.TYPE)) {
      errors.add(new FieldError("/type", "must include " + Credential.TYPE));
    }
    return types;
  }

  private static Optional<String> optionalUrl(JsonNode parent, String field, String pointer, List<FieldError> errors) {
    JsonNode node = parent.get(field);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isTextual() || !Urls.isAbsolute(node.textValue())) {
      errors.add(new FieldError(pointer, "must be an absolute URL"));
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  private static Issuer issuer(JsonNode node, List<FieldError> errors) {
    if (node == null) {
      errors.add(new FieldError("/issuer", "is required"));
      return null;
    }
    if (node.isTextual()) {
      if (Urls.isAbsolute(node.textValue())) {
        return new Issuer(node.textValue(), Optional.empty());
      }
      errors.add(new FieldError("/issuer", "must be an absolute URL"));
      return null;
    }
    if (node.isObject()) {
      JsonNode id = node.get("id");
      if (id == null || !id.isTextual() || !Urls.isAbsolute(id.textValue())) {
        errors.add(new FieldError("/issuer/id", "is required and must be an absolute URL"));
        return null;
      }
      JsonNode name = node.get("name");
      return new Issuer(id.textValue(), name != null && name.isTextual() ? Optional.of(name.textValue()) : Optional.empty());
    }
    errors.add(new FieldError("/issuer", "must be a URL or an object with an id"));
    return null;
  }

  private static List<CredentialSubject> subjects(JsonNode node, List<FieldError> errors) {
    List<CredentialSubject> subjects = new ArrayList<>();
    if (node == null) {
      errors.add(new FieldError("/credentialSubject", "is required"));
      return subjects;
    }
    if (node.isObject()) {
      subject(node, "/credentialSubject", errors).ifPresent(subjects::add);
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        subject(node.get(i), "/credentialSubject/" + i, errors).ifPresent(subjects::add);
      }
    } else {
      errors.add(new FieldError("/credentialSubject", "must be an object or a non-empty list of objects"));
    }
    return subjects;
  }

  private static Optional<CredentialSubject> subject(JsonNode node, String pointer, List<FieldError> errors) {
    if (!node.isObject() || node.isEmpty()) {
      errors.add(new FieldError(pointer, "must be an object with at least one claim"));
      return Optional.empty();
    }
    int before = errors.size();
    Optional<String> id = optionalUrl(node, "id", pointer + "/id", errors);
    return errors.size() == before ? Optional.of(new CredentialSubject(id)) : Optional.empty();
  }

  private static Optional<Instant> dateTime(JsonNode parent, String field, List<FieldError> errors) {
    JsonNode node = parent.get(field);
    if (node == null) {
      return Optional.empty();
    }
    Optional<Instant> instant = node.isTextual() ? DateTimeStamp.parse(node.textValue()) : Optional.empty();
    if (instant.isPresent()) {
      return instant;
    }
    errors.add(new FieldError("/" + field, "must be a date-time with a time zone, e.g. 2026-01-01T00:00:00Z"));
    return Optional.empty();
  }

  private static void typedObjects(JsonNode node, String pointer, List<FieldError> errors) {
    if (node == null) {
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    for (int i = 0; i < items.size(); i++) {
      String at = node.isArray() ? pointer + "/" + i : pointer;
      JsonNode item = items.get(i);
      if (!item.isObject() || !item.hasNonNull("type")) {
        errors.add(new FieldError(at, "must be an object with a type"));
      } else if (item.has("id") && !(item.get("id").isTextual() && Urls.isAbsolute(item.get("id").textValue()))) {
        errors.add(new FieldError(at + "/id", "must be an absolute URL"));
      }
    }
  }

  /** The schema accepts any single string as a type; the specification requires these two. */
  private static void requireOpenBadgeTypes(JsonNode subjects, List<FieldError> errors) {
    if (subjects == null) {
      return;
    }
    List<JsonNode> list = new ArrayList<>();
    if (subjects.isArray()) {
      subjects.forEach(list::add);
    } else {
      list.add(subjects);
    }
    for (int i = 0; i < list.size(); i++) {
      String at = subjects.isArray() ? "/credentialSubject/" + i : "/credentialSubject";
      requireType(list.get(i), "AchievementSubject", at + "/type", errors);
      if (list.get(i).path("achievement").isObject()) {
        requireType(list.get(i).get("achievement"), "Achievement", at + "/achievement/type", errors);
      }
    }
  }

  private static void requireType(JsonNode node, String type, String pointer, List<FieldError> errors) {
    JsonNode types = node.get("type");
    if (types == null) {
      return; // the schema reports it missing
    }
    boolean present = type.equals(types.textValue());
    for (int i = 0; !present && types.isArray() && i < types.size(); i++) {
      present = type.equals(types.get(i).textValue());
    }
    if (!present) {
      errors.add(new FieldError(pointer, "must be or include " + type));
    }
  }

  private static Optional<Achievement> achievement(JsonNode subjects) {
    JsonNode subject = subjects != null && subjects.isArray() ? subjects.get(0) : subjects;
    JsonNode achievement = subject == null ? null : subject.get("achievement");
    if (achievement == null || !achievement.isObject()) {
      return Optional.empty();
    }
    try {
      JsonNode criteria = achievement.path("criteria").path("narrative");
      return Optional.of(
          new Achievement(
              achievement.path("id").asText(null),
              achievement.path("name").asText(null),
              Optional.ofNullable(achievement.path("description").textValue()),
              Optional.ofNullable(criteria.textValue())));
    } catch (IllegalArgumentException e) {
      // the schema already reported what is missing; the typed view is simply absent
      return Optional.empty();
    }
  }
}
