package org.saypro.dcop.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code vectors/status/list-credentials}: the status-list parts of status list credentials. */
class StatusListCredentialParserTest {

  static Stream<Arguments> vectors() {
    return StatusVectors.of("list-credentials");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String file, JsonNode vector) {
    assertTrue(vector.path("description").isTextual() && vector.path("source").isTextual(), file);
    JsonNode expected = vector.get("expected");
    boolean good = file.endsWith(".good.json");
    assertEquals(good, expected.get("valid").booleanValue(), "file suffix and expected.valid disagree");
    Parsed<BitstringStatusListCredential> parsed = StatusListCredentialParser.parse(vector.get("credential"));
    if (!good) {
      ParsedAssertions.assertErrors(file, expected.get("errors"), parsed);
      return;
    }
    BitstringStatusListCredential list =
        ((Parsed.Valid<BitstringStatusListCredential>) assertInstanceOf(Parsed.Valid.class, parsed, file + ": " + parsed))
            .value();
    assertEquals(Optional.ofNullable(expected.get("id").textValue()), list.id());
    assertEquals(expected.get("issuer").textValue(), list.issuer());
    List<String> purposes = new ArrayList<>();
    expected.get("statusPurpose").forEach(p -> purposes.add(p.textValue()));
    assertEquals(purposes, list.subject().statusPurpose());
    JsonNode ttl = expected.get("ttl");
    assertEquals(ttl.isNull() ? Optional.empty() : Optional.of(Duration.ofMillis(ttl.longValue())), list.subject().ttl());
    assertEquals(vector.get("credential").get("credentialSubject").get("encodedList").textValue(),
        list.subject().encodedList());
  }
}
