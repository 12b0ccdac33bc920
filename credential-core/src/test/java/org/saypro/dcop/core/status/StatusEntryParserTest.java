package org.saypro.dcop.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code vectors/status/entries}: entries ({@code "entry"}) and whole credentials ({@code "credential"}) are read as
 * the specification's MUSTs say, and every problem is reported at its JSON Pointer.
 */
class StatusEntryParserTest {

  static Stream<Arguments> vectors() {
    return StatusVectors.of("entries");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String file, JsonNode vector) {
    assertTrue(vector.path("description").isTextual() && vector.path("source").isTextual(), file);
    JsonNode expected = vector.get("expected");
    boolean good = file.endsWith(".good.json");
    assertEquals(good, expected.get("valid").booleanValue(), "file suffix and expected.valid disagree");
    if (vector.has("credential")) {
      credential(file, vector.get("credential"), expected);
      return;
    }
    Parsed<BitstringStatusListEntry> parsed = StatusEntryParser.parse(vector.get("entry"));
    if (!good) {
      ParsedAssertions.assertErrors(file, expected.get("errors"), parsed);
      return;
    }
    BitstringStatusListEntry entry =
        ((Parsed.Valid<BitstringStatusListEntry>) assertInstanceOf(Parsed.Valid.class, parsed, file + ": " + parsed))
            .value();
    assertEquals(expected.get("statusListIndex").textValue(), entry.statusListIndex());
    assertEquals(expected.get("statusSize").intValue(), entry.statusSize());
    JsonNode json = vector.get("entry");
    assertEquals(json.get("statusPurpose").textValue(), entry.statusPurpose());
    assertEquals(json.get("statusListCredential").textValue(), entry.statusListCredential());
    assertEquals(Optional.ofNullable(json.path("id").textValue()), entry.id());
    assertEquals(json.path("statusMessage").size(), entry.statusMessage().size());
    // what the entry writes reads back as the same entry
    assertEquals(parsed, StatusEntryParser.parse(entry.toJson()));
  }

  private static void credential(String file, JsonNode credential, JsonNode expected) {
    Parsed<List<BitstringStatusListEntry>> parsed = StatusEntryParser.entriesOf(credential);
    if (!expected.get("valid").booleanValue()) {
      ParsedAssertions.assertErrors(file, expected.get("errors"), parsed);
      return;
    }
    List<BitstringStatusListEntry> entries =
        ((Parsed.Valid<List<BitstringStatusListEntry>>) assertInstanceOf(Parsed.Valid.class, parsed, file)).value();
    List<List<String>> actual = new ArrayList<>();
    entries.forEach(e -> actual.add(List.of(e.statusPurpose(), e.statusListIndex())));
    List<List<String>> wanted = new ArrayList<>();
    expected.get("entries").forEach(pair -> wanted.add(List.of(pair.get(0).textValue(), pair.get(1).textValue())));
    assertEquals(wanted, actual, file);
  }

  @Test
  void indexesBeyondALongAreEmpty() {
    assertEquals(OptionalLong.of(94_567), entry("94567").index());
    assertEquals(OptionalLong.of(7), entry("007").index());
    assertEquals(OptionalLong.of(0), entry("0000").index());
    assertEquals(OptionalLong.of(Long.MAX_VALUE), entry("9223372036854775807").index());
    assertEquals(OptionalLong.empty(), entry("9223372036854775808").index());
    assertEquals(OptionalLong.empty(), entry("340282366920938463463374607431768211456").index());
    assertEquals(OptionalLong.of(5), entry("0".repeat(1000) + "5").index());
  }

  @Test
  void messagesDefaultToSetAndUnset() {
    BitstringStatusListEntry plain = entry("1");
    assertEquals(Optional.of("set"), plain.messageFor(1));
    assertEquals(Optional.of("unset"), plain.messageFor(0));
    BitstringStatusListEntry withMessages =
        new BitstringStatusListEntry(Optional.empty(), "message", "1", "https://example.com/status/8", 2,
            List.of(new StatusMessage("0x0", "pending_review"), new StatusMessage("0x1", "accepted"),
                new StatusMessage("0x02", "rejected"), new StatusMessage("0x3", "undefined")),
            List.of());
    assertEquals(Optional.of("accepted"), withMessages.messageFor(1));
    assertEquals(Optional.of("rejected"), withMessages.messageFor(2));
    assertEquals(Optional.empty(), withMessages.messageFor(4));
  }

  @Test
  void theRecordRefusesWhatTheParserReports() {
    assertThrows(IllegalArgumentException.class, () -> entry("-1"));
    assertThrows(IllegalArgumentException.class, () -> BitstringStatusListEntry.of("not a url", "revocation", 1));
    assertThrows(IllegalArgumentException.class,
        () -> BitstringStatusListEntry.of("https://example.com/status/3", "revocation", -1));
    assertThrows(IllegalArgumentException.class,
        () -> new BitstringStatusListEntry(Optional.of("https://example.com/status/3"), "revocation", "1",
            "https://example.com/status/3", 1, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new BitstringStatusListEntry(Optional.empty(), "message", "1", "https://example.com/status/3", 2,
            List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new StatusMessage("1", "revoked"));
  }

  @Test
  void anIssuedEntryIsMinimal() {
    BitstringStatusListEntry entry = BitstringStatusListEntry.of("https://example.com/status/3", "revocation", 94_567);
    assertEquals(
        "{\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":\"revocation\",\"statusListIndex\":\"94567\","
            + "\"statusListCredential\":\"https://example.com/status/3\"}",
        entry.toJson().toString());
  }

  private static BitstringStatusListEntry entry(String index) {
    return new BitstringStatusListEntry(
        Optional.empty(), "revocation", index, "https://example.com/status/3", 1, List.of(), List.of());
  }
}
