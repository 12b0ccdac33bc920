package org.saypro.dcop.core.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.model.Urls;

/**
 * A credential's {@code credentialStatus} entry of type {@code BitstringStatusListEntry}: which list, which purpose
 * and which position. The index stays the decimal string the specification defines, because it may be larger than
 * any number type; {@link #index()} reads it for lists that can exist. An absent {@code statusSize} is 1.
 */
public record BitstringStatusListEntry(
    Optional<String> id,
    String statusPurpose,
    String statusListIndex,
    String statusListCredential,
    int statusSize,
    List<StatusMessage> statusMessage,
    List<String> statusReference) {

  public static final String TYPE = "BitstringStatusListEntry";

  private static final Pattern DECIMAL = Pattern.compile("[0-9]+");

  public BitstringStatusListEntry {
    Objects.requireNonNull(id, "id");
    statusMessage = List.copyOf(statusMessage);
    statusReference = List.copyOf(statusReference);
    if (statusPurpose == null || statusPurpose.isEmpty()) {
      throw new IllegalArgumentException("statusPurpose is required");
    }
    if (!isDecimal(statusListIndex)) {
      throw new IllegalArgumentException("statusListIndex must be decimal digits: " + statusListIndex);
    }
    if (!Urls.isAbsolute(statusListCredential)) {
      throw new IllegalArgumentException("statusListCredential must be an absolute URL: " + statusListCredential);
    }
    id.ifPresent(
        value -> {
          if (!Urls.isAbsolute(value) || value.equals(statusListCredential)) {
            throw new IllegalArgumentException("id must be an absolute URL other than the list's: " + value);
          }
        });
    if (statusSize < 1) {
      throw new IllegalArgumentException("statusSize must be at least 1, not " + statusSize);
    }
    if (statusSize > 1 && statusMessage.isEmpty()) {
      throw new IllegalArgumentException("statusMessage is required when statusSize is more than 1");
    }
    if (!statusMessage.isEmpty() && statusMessage.size() != possibleValues(statusSize)) {
      throw new IllegalArgumentException("statusMessage must have one element per possible value of statusSize bits");
    }
    for (String reference : statusReference) {
      if (!Urls.isAbsolute(reference)) {
        throw new IllegalArgumentException("statusReference must be absolute URLs: " + reference);
      }
    }
  }

  /** An entry as this service issues it: one bit, no id (it would add nothing a verifier uses), no messages. */
  public static BitstringStatusListEntry of(String statusListCredential, String statusPurpose, long index) {
    if (index < 0) {
      throw new IllegalArgumentException("a status list index is not negative: " + index);
    }
    return new BitstringStatusListEntry(
        Optional.empty(), statusPurpose, Long.toString(index), statusListCredential, 1, List.of(), List.of());
  }

  static boolean isDecimal(String value) {
    return value != null && DECIMAL.matcher(value).matches();
  }

  /** 2^statusSize, saturating: no list of messages can be that long anyway. */
  static long possibleValues(int statusSize) {
    return statusSize >= Long.SIZE - 1 ? Long.MAX_VALUE : 1L << statusSize;
  }

  /** The index as a number, or empty when it is beyond any list a {@code long} can index (hence out of range). */
  public OptionalLong index() {
    String digits = statusListIndex.replaceFirst("^0+(?=.)", "");
    if (digits.length() > 19) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The message for a status value: from statusMessage when given, else the specification's "set" and "unset". */
  public Optional<String> messageFor(long value) {
    if (statusMessage.isEmpty()) {
      return value == 0 ? Optional.of("unset") : value == 1 ? Optional.of("set") : Optional.empty();
    }
    return statusMessage.stream().filter(m -> m.denotes(value)).map(StatusMessage::message).findFirst();
  }

  /** The entry as JSON, to put in a credential's {@code credentialStatus}; statusSize 1 is left implicit. */
  public ObjectNode toJson() {
    ObjectNode json = Json.newObject();
    id.ifPresent(value -> json.put("id", value));
    json.put("type", TYPE);
    json.put("statusPurpose", statusPurpose);
    json.put("statusListIndex", statusListIndex);
    json.put("statusListCredential", statusListCredential);
    if (statusSize != 1) {
      json.put("statusSize", statusSize);
    }
    if (!statusMessage.isEmpty()) {
      ArrayNode messages = json.putArray("statusMessage");
      statusMessage.forEach(m -> messages.addObject().put("status", m.status()).put("message", m.message()));
    }
    if (statusReference.size() == 1) {
      json.put("statusReference", statusReference.get(0));
    } else if (!statusReference.isEmpty()) {
      ArrayNode references = json.putArray("statusReference");
      statusReference.forEach(references::add);
    }
    return json;
  }
}
