package org.saypro.dcop.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.saypro.dcop.core.validation.FieldError;

/**
 * An RFC 9457 problem document. {@code errors} names each offending field as a JSON Pointer into the request body
 * (the extension member RFC 9457 itself uses in its examples).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<InvalidField> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status().getCode(), detail, List.of());
  }

  public static Problem of(ProblemType type, String detail, List<FieldError> fields) {
    return new Problem(
        type.uri(), type.title(), type.status().getCode(), detail, fields.stream().map(InvalidField::of).toList());
  }

  /** One offending field. */
  public record InvalidField(String pointer, String detail) {
    static InvalidField of(FieldError error) {
      return new InvalidField(error.pointer(), error.message());
    }
  }
}
