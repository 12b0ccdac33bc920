package org.saypro.dcop.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.model.Urls;
import org.saypro.dcop.core.validation.FieldError;

/**
 * Reads the status-list parts of a {@code BitstringStatusListCredential} and reports every way they break the
 * specification's MUSTs. The rest of the credential is the credential validator's business.
 */
public final class StatusListCredentialParser {

  private StatusListCredentialParser() {}

  public static Parsed<BitstringStatusListCredential> parse(JsonNode credential) {
    if (credential == null || !credential.isObject()) {
      return new Parsed.Invalid<>(List.of(new FieldError("", "a status list credential must be a JSON object")));
    }
    List<FieldError> errors = new ArrayList<>();
    JsonFields.requireType(credential, BitstringStatusListCredential.TYPE, errors);
    Optional<String> id = JsonFields.optionalUrl(credential, "id", errors);
    Optional<String> issuer = issuer(credential.get("issuer"), errors);
    Optional<BitstringStatusList> subject = subject(credential.get("credentialSubject"), errors);
    if (!errors.isEmpty()) {
      return new Parsed.Invalid<>(errors);
    }
    return new Parsed.Valid<>(new BitstringStatusListCredential(id, issuer.get(), subject.get()));
  }

  private static Optional<String> issuer(JsonNode node, List<FieldError> errors) {
    if (node != null && node.isObject()) {
      List<FieldError> found = new ArrayList<>();
      Optional<String> id = JsonFields.requiredUrl(node, "id", found);
      found.forEach(e -> errors.add(e.under("/issuer")));
      return id;
    }
    if (node == null || !node.isTextual() || !Urls.isAbsolute(node.textValue())) {
      errors.add(new FieldError("/issuer", "is required and must be a URL or an object with an id"));
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  /** Exactly one subject: a list of several would leave it open which one an entry points into. */
  private static Optional<BitstringStatusList> subject(JsonNode node, List<FieldError> errors) {
    if (node == null || !node.isObject()) {
      errors.add(new FieldError("/credentialSubject", "must be one BitstringStatusList object"));
      return Optional.empty();
    }
    List<FieldError> found = new ArrayList<>();
    JsonFields.requireType(node, BitstringStatusList.TYPE, found);
    Optional<String> id = JsonFields.optionalUrl(node, "id", found);
    List<String> purposes = JsonFields.strings(node.get("statusPurpose"), "/statusPurpose", found);
    Optional<String> encodedList = JsonFields.requiredString(node, "encodedList", found);
    Optional<Duration> ttl = ttl(node.get("ttl"), found);
    found.forEach(e -> errors.add(e.under("/credentialSubject")));
    if (!found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BitstringStatusList(id, purposes, encodedList.get(), ttl));
  }

  /** Milliseconds, as a whole non-negative number. */
  private static Optional<Duration> ttl(JsonNode node, List<FieldError> errors) {
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
      errors.add(new FieldError("/ttl", "must be a whole, non-negative number of milliseconds"));
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(node.longValue()));
  }
}
