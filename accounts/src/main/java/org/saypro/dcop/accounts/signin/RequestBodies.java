package org.saypro.dcop.accounts.signin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.validation.FieldError;

/** Field reading shared by this module's controllers: text fields with bounds, errors collected per field. */
public final class RequestBodies {
  private RequestBodies() {}

  public static Optional<String> text(JsonNode body, String field, int max, boolean required, List<FieldError> errors) {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        errors.add(new FieldError("/" + field, "is required"));
      }
      return Optional.empty();
    }
    if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > max) {
      errors.add(new FieldError("/" + field, "must be text of 1 to " + max + " characters"));
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }
}
