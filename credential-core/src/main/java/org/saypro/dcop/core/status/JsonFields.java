package org.saypro.dcop.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.model.Urls;
import org.saypro.dcop.core.validation.FieldError;

/** Field readers shared by the status parsers; each records a problem and yields nothing rather than throwing. */
final class JsonFields {
  private JsonFields() {}

  static Optional<String> requiredString(JsonNode parent, String field, List<FieldError> errors) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      errors.add(new FieldError("/" + field, "is required"));
      return Optional.empty();
    }
    if (!node.isTextual() || node.textValue().isEmpty()) {
      errors.add(new FieldError("/" + field, "must be a non-empty string"));
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  static Optional<String> requiredUrl(JsonNode parent, String field, List<FieldError> errors) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      errors.add(new FieldError("/" + field, "is required"));
      return Optional.empty();
    }
    if (!node.isTextual() || !Urls.isAbsolute(node.textValue())) {
      errors.add(new FieldError("/" + field, "must be an absolute URL"));
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  /** Empty when absent; an error when present and not an absolute URL. */
  static Optional<String> optionalUrl(JsonNode parent, String field, List<FieldError> errors) {
    return parent.has(field) ? requiredUrl(parent, field, errors) : Optional.empty();
  }

  /** One string or a non-empty list of strings, as JSON-LD writes a set of one or more. */
  static List<String> strings(JsonNode node, String pointer, List<FieldError> errors) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isTextual() && !node.textValue().isEmpty()) {
      values.add(node.textValue());
    } else if (node != null && node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isTextual() && !node.get(i).textValue().isEmpty()) {
          values.add(node.get(i).textValue());
        } else {
          errors.add(new FieldError(pointer + "/" + i, "must be a non-empty string"));
        }
      }
    } else {
      errors.add(new FieldError(pointer, node == null ? "is required" : "must be a string or a non-empty list of strings"));
    }
    return values;
  }

  static void requireType(JsonNode parent, String type, List<FieldError> errors) {
    JsonNode node = parent.get("type");
    if (node == null) {
      errors.add(new FieldError("/type", "is required and must be " + type));
      return;
    }
    List<FieldError> ignored = new ArrayList<>();
    if (!strings(node, "/type", ignored).contains(type)) {
      errors.add(new FieldError("/type", "must be or include " + type));
    }
  }
}
