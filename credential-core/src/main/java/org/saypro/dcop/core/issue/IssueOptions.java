package org.saypro.dcop.core.issue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.dataintegrity.Cryptosuite;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.validation.FieldError;

/**
 * How to secure a credential: {@code vc+jwt} with a JOSE algorithm, or an embedded Data Integrity proof with a
 * cryptosuite. Unknown options are errors, not ignored.
 */
public record IssueOptions(Securing securing) {

  public static final String VC_JWT = "vc+jwt";
  public static final String DATA_INTEGRITY = "DataIntegrityProof";
  public static final IssueOptions DEFAULT = new IssueOptions(new Securing.Jose(KeyAlgorithm.ED25519));
  public static final IssueOptions DATA_INTEGRITY_DEFAULT =
      new IssueOptions(new Securing.Proof(Cryptosuite.EDDSA_RDFC_2022));

  public IssueOptions {
    Objects.requireNonNull(securing, "securing");
  }

  /** The securing mechanism and its parameter. */
  public sealed interface Securing {
    KeyAlgorithm keyAlgorithm();

    record Jose(KeyAlgorithm keyAlgorithm) implements Securing {
      public Jose {
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
      }
    }

    record Proof(Cryptosuite cryptosuite) implements Securing {
      public Proof {
        Objects.requireNonNull(cryptosuite, "cryptosuite");
      }

      @Override
      public KeyAlgorithm keyAlgorithm() {
        return cryptosuite.keyAlgorithm();
      }
    }
  }

  /** Reads VC API {@code options} over the configured defaults; field errors are relative to the options object. */
  public static Parsed parse(JsonNode options, IssueOptions defaults) {
    if (options == null || options.isNull()) {
      return new Parsed(Optional.of(defaults), List.of());
    }
    if (!options.isObject()) {
      return new Parsed(Optional.empty(), List.of(new FieldError("", "must be an object")));
    }
    List<FieldError> errors = new ArrayList<>();
    Optional<String> mechanism = Optional.empty();
    Optional<KeyAlgorithm> algorithm = Optional.empty();
    Optional<Cryptosuite> cryptosuite = Optional.empty();
    for (Iterator<String> names = options.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = options.get(name);
      switch (name) {
        case "securingMechanism" -> {
          if (value.isTextual() && (value.textValue().equals(VC_JWT) || value.textValue().equals(DATA_INTEGRITY))) {
            mechanism = Optional.of(value.textValue());
          } else {
            errors.add(new FieldError("/securingMechanism", "must be " + VC_JWT + " or " + DATA_INTEGRITY));
          }
        }
        case "algorithm" -> {
          algorithm = value.isTextual() ? KeyAlgorithm.fromJoseName(value.textValue()) : Optional.empty();
          if (algorithm.isEmpty()) {
            errors.add(new FieldError("/algorithm", "must be one of EdDSA, Ed25519, ES256"));
          }
        }
        case "cryptosuite" -> {
          cryptosuite = value.isTextual() ? Cryptosuite.fromId(value.textValue()) : Optional.empty();
          if (cryptosuite.isEmpty()) {
            errors.add(new FieldError("/cryptosuite", "must be eddsa-rdfc-2022 or ecdsa-rdfc-2019"));
          }
        }
        default -> errors.add(new FieldError("/" + name, "unknown option"));
      }
    }
    String chosen =
        mechanism.orElse(
            cryptosuite.isPresent() ? DATA_INTEGRITY
                : algorithm.isPresent() ? VC_JWT
                : defaults.securing() instanceof Securing.Proof ? DATA_INTEGRITY : VC_JWT);
    if (chosen.equals(VC_JWT) && cryptosuite.isPresent()) {
      errors.add(new FieldError("/cryptosuite", "applies to " + DATA_INTEGRITY + ", not " + VC_JWT));
    }
    if (chosen.equals(DATA_INTEGRITY) && algorithm.isPresent()) {
      errors.add(new FieldError("/algorithm", "applies to " + VC_JWT + "; Data Integrity takes a cryptosuite"));
    }
    if (!errors.isEmpty()) {
      return new Parsed(Optional.empty(), errors);
    }
    Securing securing =
        chosen.equals(VC_JWT)
            ? new Securing.Jose(algorithm.orElse(
                defaults.securing() instanceof Securing.Jose jose ? jose.keyAlgorithm() : KeyAlgorithm.ED25519))
            : new Securing.Proof(cryptosuite.orElse(
                defaults.securing() instanceof Securing.Proof proof ? proof.cryptosuite() : Cryptosuite.EDDSA_RDFC_2022));
    return new Parsed(Optional.of(new IssueOptions(securing)), List.of());
  }

  public static Parsed parse(JsonNode options) {
    return parse(options, DEFAULT);
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
