package org.saypro.dcop.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlsTest {

  private static final List<String> ABSOLUTE = List.of("https://www.w3.org/ns/credentials/v2",
      "did:web:example.org%3A8080:issuers:saypro", "urn:uuid:0196b1a2-0000-7000-8000-000000000000",
      "data:image/png;base64,iVBORw0KGgo=", "mailto:thandi@example.org", "http://[::1]:8080/x?y#z");
  private static final List<String> NOT_ABSOLUTE = List.of("/credentials/1", "example.org", "c:/windows",
      "https://exa mple.org", "http://[::1/x", "a:", "%zz:thing", "");

  @Test
  void absoluteUrisAreAcceptedAndOthersRefusedTheFirstTimeAndEveryTimeAfter() {
    for (int round = 0; round < 3; round++) {
      for (String value : ABSOLUTE) {
        assertTrue(Urls.isAbsolute(value), value + " in round " + round);
      }
      for (String value : NOT_ABSOLUTE) {
        assertFalse(Urls.isAbsolute(value), value + " in round " + round);
      }
    }
  }

  @Test
  void answersStayRightWhenMoreValuesPassThanAreRemembered() {
    for (int i = 0; i < 1000; i++) {
      assertTrue(Urls.isAbsolute("https://example.org/credentials/" + i));
      assertFalse(Urls.isAbsolute("relative/" + i));
    }
    assertEquals(true, Urls.isAbsolute("https://example.org/credentials/0"));
    assertFalse(Urls.isAbsolute("relative/0"));
  }

  @Test
  void longValuesAreStillChecked() {
    assertTrue(Urls.isAbsolute("https://example.org/" + "a".repeat(5000)));
    assertFalse(Urls.isAbsolute("https://example.org/" + " ".repeat(5000)));
    assertFalse(Urls.isAbsolute("https://example.org/" + "a".repeat(9000)), "over the 8192-character limit");
    assertFalse(Urls.isAbsolute(null));
  }
}
