package org.saypro.dcop.community.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Reads the fields of one JSON request, collecting an error per offending field instead of stopping at the first;
 * {@link #done} then ends the request with 400 naming them all. Missing required fields read as empty.
 */
public final class Fields {

  private final JsonNode body;
  private final List<FieldError> errors = new ArrayList<>();

  public Fields(JsonNode body) {
    this.body = body;
  }

  public Optional<String> text(String name, int maxLength, boolean required) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        error(name, "is required");
      }
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > maxLength) {
      error(name, "must be a text of 1 to " + maxLength + " characters");
      return Optional.empty();
    }
    return Optional.of(node.asText().strip());
  }

  public Optional<Instant> instant(String name, boolean required) {
    return text(name, 40, required).flatMap(t -> {
      try {
        return Optional.of(Instant.parse(t));
      } catch (DateTimeParseException e) {
        error(name, "must be a date-time with an offset, such as 2026-11-23T10:00:00Z");
        return Optional.empty();
      }
    });
  }

  public Optional<LocalDate> date(String name, boolean required) {
    return text(name, 10, required).flatMap(t -> {
      try {
        return Optional.of(LocalDate.parse(t));
      } catch (DateTimeParseException e) {
        error(name, "must be a date such as 2026-11-23");
        return Optional.empty();
      }
    });
  }

  public Optional<ZoneId> zone(String name, boolean required) {
    return text(name, 64, required).flatMap(t -> {
      try {
        return Optional.of(ZoneId.of(t));
      } catch (DateTimeException e) {
        error(name, "must be an IANA time zone such as Africa/Johannesburg");
        return Optional.empty();
      }
    });
  }

  public Optional<Integer> integer(String name, int min, int max, boolean required) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        error(name, "is required");
      }
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
      error(name, "must be a whole number from " + min + " to " + max);
      return Optional.empty();
    }
    return Optional.of(node.asInt());
  }

  public Optional<BigDecimal> decimal(String name, boolean required) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        error(name, "is required");
      }
      return Optional.empty();
    }
    if (!node.isNumber() || node.decimalValue().abs().compareTo(new BigDecimal("1e15")) >= 0) {
      error(name, "must be a number below 10^15");
      return Optional.empty();
    }
    return Optional.of(node.decimalValue());
  }

  /** An absolute https URL: links shown to members never use another scheme. */
  public Optional<URI> httpsUrl(String name, boolean required) {
    return text(name, 500, required).flatMap(t -> {
      try {
        URI uri = new URI(t);
        if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
          return Optional.of(uri);
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      error(name, "must be an https:// URL");
      return Optional.empty();
    });
  }

  /** A list of texts, each of 1 to maxLength characters, at most maxItems of them. */
  public List<String> texts(String name, int maxItems, int maxLength) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > maxItems) {
      error(name, "must be a list of at most " + maxItems + " texts");
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > maxLength) {
        errors.add(new FieldError("/" + name + "/" + i, "must be a text of 1 to " + maxLength + " characters"));
      } else {
        texts.add(item.asText().strip());
      }
    }
    return texts;
  }

  public void error(String name, String message) {
    errors.add(new FieldError("/" + name, message));
  }

  /** Ends the request with 400 if any field was refused. */
  public void done(String what) {
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, what + " is not valid", errors);
    }
  }
}
