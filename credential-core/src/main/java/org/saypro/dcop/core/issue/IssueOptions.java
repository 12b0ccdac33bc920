package org.saypro.dcop.core.issue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.validation.FieldError;

/** What a caller may ask of issuing: the signature algorithm. Unknown options are errors, not ignored. */
public record IssueOptions(KeyAlgorithm algorithm) {
  public static final IssueOptions DEFAULT = new IssueOptions(KeyAlgorithm.ED25519);

  public IssueOptions {
    Objects.requireNonNull(algorithm, "algorithm");
  }

  /** Reads VC API {@code options}; field errors are relative to the options object. */
  public static Parsed parse(JsonNode options) {
    if (options == null || options.isNull()) {
      return new Parsed(Optional.of(DEFAULT), List.of());
    }
    if (!options.isObject()) {
      return new Parsed(Optional.empty(), List.of(new FieldError("", "must be an object")));
    }
    List<FieldError> errors = new ArrayList<>();
    KeyAlgorithm algorithm = DEFAULT.algorithm();
    for (Iterator<String> names = options.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = options.get(name);
      switch (name) {
        case "algorithm" -> {
          Optional<KeyAlgorithm> chosen = value.isTextual() ? KeyAlgorithm.fromJoseName(value.textValue()) : Optional.empty();
          if (chosen.isPresent()) {
            algorithm = chosen.get();
          } else {
            errors.add(new FieldError("/algorithm", "must be one of EdDSA, Ed25519, ES256"));
          }
        }
        case "securingMechanism" -> {
          if (!value.isTextual() || !value.textValue().equals("vc+jwt")) {
            errors.add(new FieldError("/securingMechanism", "only vc+jwt is available in this version"));
          }
        }
        default -> errors.add(new FieldError("/" + name, "unknown option"));
      }
    }
    return errors.isEmpty()
        ? new Parsed(Optional.of(new IssueOptions(algorithm)), List.of())
        : new Parsed(Optional.empty(), errors);
  }

  /** Parsed options, or the errors that prevented it. */
  public record Parsed(Optional<IssueOptions> options, List<FieldError> errors) {
    public Parsed {
      errors = List.copyOf(errors);
      if (options.isPresent() == !errors.isEmpty()) {
        throw new IllegalArgumentException("either options or errors");
      }
    }
  }
}
