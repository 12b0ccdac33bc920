package org.saypro.dcop.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.saypro.dcop.core.model.Urls;
import org.saypro.dcop.core.validation.FieldError;

/**
 * Reads {@code BitstringStatusListEntry} objects from credential JSON and reports every way they break the
 * specification's MUSTs. A verifier has to refuse such an entry (MALFORMED_VALUE_ERROR) rather than guess.
 */
public final class StatusEntryParser {

  private StatusEntryParser() {}

  /**
   * The Bitstring Status List entries of a credential's {@code credentialStatus} (one object or a list). Entries of
   * other types belong to other status mechanisms and are skipped; none at all is a valid, empty result.
   */
  public static Parsed<List<BitstringStatusListEntry>> entriesOf(JsonNode credential) {
    JsonNode status = credential == null ? null : credential.get("credentialStatus");
    if (status == null) {
      return new Parsed.Valid<>(List.of());
    }
    List<JsonNode> items = new ArrayList<>();
    if (status.isArray()) {
      status.forEach(items::add);
    } else {
      items.add(status);
    }
    List<BitstringStatusListEntry> entries = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!isBitstringEntry(item)) {
        continue;
      }
      String at = status.isArray() ? "/credentialStatus/" + i : "/credentialStatus";
      Parsed<BitstringStatusListEntry> parsed = parse(item);
      if (parsed instanceof Parsed.Valid<BitstringStatusListEntry> valid) {
        entries.add(valid.value());
      } else {
        ((Parsed.Invalid<BitstringStatusListEntry>) parsed).errors().forEach(e -> errors.add(e.under(at)));
      }
    }
    return errors.isEmpty() ? new Parsed.Valid<>(entries) : new Parsed.Invalid<>(errors);
  }

  private static boolean isBitstringEntry(JsonNode item) {
    JsonNode type = item.path("type");
    if (type.isTextual()) {
      return BitstringStatusListEntry.TYPE.equals(type.textValue());
    }
    for (JsonNode t : type) {
      if (BitstringStatusListEntry.TYPE.equals(t.textValue())) {
        return true;
      }
    }
    return false;
  }

  /** One entry object; error pointers are relative to it. */
  public static Parsed<BitstringStatusListEntry> parse(JsonNode entry) {
    if (entry == null || !entry.isObject()) {
      return new Parsed.Invalid<>(List.of(new FieldError("", "a status entry must be a JSON object")));
    }
    List<FieldError> errors = new ArrayList<>();
    JsonFields.requireType(entry, BitstringStatusListEntry.TYPE, errors);
    Optional<String> purpose = JsonFields.requiredString(entry, "statusPurpose", errors);
    Optional<String> index = index(entry, errors);
    Optional<String> list = JsonFields.requiredUrl(entry, "statusListCredential", errors);
    Optional<String> id = JsonFields.optionalUrl(entry, "id", errors);
    if (id.isPresent() && id.equals(list)) {
      errors.add(new FieldError("/id", "must not be the URL of the status list"));
    }
    int size = statusSize(entry, errors);
    List<StatusMessage> messages = statusMessages(entry, size, errors);
    List<String> references = statusReferences(entry, errors);
    if (!errors.isEmpty()) {
      return new Parsed.Invalid<>(errors);
    }
    return new Parsed.Valid<>(
        new BitstringStatusListEntry(id, purpose.get(), index.get(), list.get(), size, messages, references));
  }

  private static Optional<String> index(JsonNode entry, List<FieldError> errors) {
    JsonNode node = entry.get("statusListIndex");
    if (node == null || node.isNull()) {
      errors.add(new FieldError("/statusListIndex", "is required"));
      return Optional.empty();
    }
    if (!node.isTextual()) {
      errors.add(new FieldError("/statusListIndex", "must be a string of decimal digits, e.g. \"94567\", not a JSON "
          + node.getNodeType().name().toLowerCase(Locale.ROOT)));
      return Optional.empty();
    }
    if (!BitstringStatusListEntry.isDecimal(node.textValue())) {
      errors.add(new FieldError("/statusListIndex", "must be a non-negative integer written in decimal digits only"));
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  /** 1 when absent, as the specification says; 0 when invalid (an error is recorded and no entry is built). */
  private static int statusSize(JsonNode entry, List<FieldError> errors) {
    JsonNode node = entry.get("statusSize");
    if (node == null) {
      return 1;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
      errors.add(new FieldError("/statusSize", "must be an integer greater than zero"));
      return 0;
    }
    return node.intValue();
  }

  private static List<StatusMessage> statusMessages(JsonNode entry, int size, List<FieldError> errors) {
    JsonNode node = entry.get("statusMessage");
    if (node == null) {
      if (size > 1) {
        errors.add(new FieldError("/statusMessage", "is required when statusSize is more than 1"));
      }
      return List.of();
    }
    if (!node.isArray()) {
      errors.add(new FieldError("/statusMessage", "must be a list"));
      return List.of();
    }
    if (size >= 1 && node.size() != BitstringStatusListEntry.possibleValues(size)) {
      errors.add(new FieldError("/statusMessage", "must have " + BitstringStatusListEntry.possibleValues(size)
          + " elements, one per value of a " + size + "-bit status, not " + node.size()));
    }
    List<StatusMessage> messages = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String at = "/statusMessage/" + i;
      JsonNode status = item.path("status");
      JsonNode message = item.path("message");
      if (!item.isObject()) {
        errors.add(new FieldError(at, "must be an object with status and message"));
        continue;
      }
      boolean ok = true;
      if (!status.isTextual() || !StatusMessage.isValidStatus(status.textValue())) {
        errors.add(new FieldError(at + "/status", "must be a string of 0x and hexadecimal digits, e.g. \"0x1\""));
        ok = false;
      }
      if (!message.isTextual()) {
        errors.add(new FieldError(at + "/message", "must be a string"));
        ok = false;
      }
      if (ok) {
        messages.add(new StatusMessage(status.textValue(), message.textValue()));
      }
    }
    return messages;
  }

  private static List<String> statusReferences(JsonNode entry, List<FieldError> errors) {
    JsonNode node = entry.get("statusReference");
    if (node == null) {
      return List.of();
    }
    List<String> references = new ArrayList<>();
    if (node.isTextual()) {
      reference(node, "/statusReference", references, errors);
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        reference(node.get(i), "/statusReference/" + i, references, errors);
      }
    } else {
      errors.add(new FieldError("/statusReference", "must be a URL or a non-empty list of URLs"));
    }
    return references;
  }

  private static void reference(JsonNode node, String pointer, List<String> references, List<FieldError> errors) {
    if (node.isTextual() && Urls.isAbsolute(node.textValue())) {
      references.add(node.textValue());
    } else {
      errors.add(new FieldError(pointer, "must be an absolute URL"));
    }
  }
}
