package org.saypro.dcop.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.saypro.dcop.core.validation.FieldError;

/** A vector's {@code expected.errors} ({@code pointer: substring of the message}) against a parse result. */
final class ParsedAssertions {
  private ParsedAssertions() {}

  /** Exactly the stated pointers are reported, each with a message containing the stated text. */
  static void assertErrors(String file, JsonNode expectedErrors, Parsed<?> parsed) {
    Parsed.Invalid<?> invalid = assertInstanceOf(Parsed.Invalid.class, parsed, file + " should be refused");
    Map<String, String> actual = new TreeMap<>();
    for (FieldError error : invalid.errors()) {
      actual.merge(error.pointer(), error.message(), (a, b) -> a + " | " + b);
    }
    TreeSet<String> expectedPointers = new TreeSet<>();
    expectedErrors.fieldNames().forEachRemaining(expectedPointers::add);
    assertEquals(expectedPointers, actual.keySet(), file + ": pointers of " + actual);
    for (Iterator<Map.Entry<String, JsonNode>> it = expectedErrors.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      assertTrue(actual.get(e.getKey()).contains(e.getValue().textValue()),
          file + ": '" + actual.get(e.getKey()) + "' lacks '" + e.getValue().textValue() + "'");
    }
  }
}
