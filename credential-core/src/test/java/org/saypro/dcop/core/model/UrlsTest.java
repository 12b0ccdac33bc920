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
  void absoluteUrisAreAcceptedAndOthersRefused() {
    for (String value : ABSOLUTE) {
      assertTrue(Urls.isAbsolute(value), value);
    }
    for (String value : NOT_ABSOLUTE) {
      assertFalse(Urls.isAbsolute(value), value);
    }
  }

  @Test
  void theScanAgreesWithUriOnRandomValues() {
    // strings built from the characters and pieces that matter to URI's grammar; the scan may only say "absolute"
    // where URI does, and isAbsolute must always give URI's answer
    String[] pieces = {"a", "Z", "9", "-", ".", "+", "_", "~", "!", "*", "'", "(", ")", ";", "/", "?", ":", "@", "&",
        "=", "$", ",", "%", "%2F", "%zz", "%4", "#", "[", "]", "[::1]", " ", "\\", "|", "^", "{", "}", "`", "\"", "<",
        ">", "\u00e9", "\u2603", "//", "http:", "urn:", "did:web:", "x:", "c:", "1a:", "a.b:", "//host", ":8080",
        ":99999999999", "user@", "\t"};
    java.util.Random random = new java.util.Random(20261124);
    int plain = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder value = new StringBuilder();
      int length = 1 + random.nextInt(8);
      for (int k = 0; k < length; k++) {
        value.append(pieces[random.nextInt(pieces.length)]);
      }
      String v = value.toString();
      boolean uri = Urls.parsesAsAbsolute(v);
      if (Urls.plainlyAbsolute(v)) {
        plain++;
        assertTrue(uri, "the scan accepted what URI refuses: " + v);
      }
      assertEquals(uri, Urls.isAbsolute(v), v);
    }
    assertTrue(plain > 1000, "the scan settled only " + plain + " values");
  }

  @Test
  void theUsualIdentifiersAreSettledByTheScan() {
    for (String value : List.of("https://www.w3.org/ns/credentials/v2", "did:web:example.org%3A8080:issuers:saypro",
        "urn:uuid:0196b1a2-0000-7000-8000-000000000000", "https://dcop.example/status/saypro/revocation/1#4711",
        "mailto:thandi@example.org", "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json")) {
      assertTrue(Urls.plainlyAbsolute(value), value);
    }
  }

  @Test
  void longValuesAreStillChecked() {
    assertTrue(Urls.isAbsolute("https://example.org/" + "a".repeat(5000)));
    assertFalse(Urls.isAbsolute("https://example.org/" + " ".repeat(5000)));
    assertFalse(Urls.isAbsolute("https://example.org/" + "a".repeat(9000)), "over the 8192-character limit");
    assertFalse(Urls.isAbsolute(null));
  }
}
