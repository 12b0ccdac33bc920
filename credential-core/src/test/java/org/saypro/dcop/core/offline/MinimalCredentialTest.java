package org.saypro.dcop.core.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.TestCredentials;
import org.saypro.dcop.core.json.Json;

/** What the minimal form keeps, what it leaves out, and that it stays a valid Open Badge. */
class MinimalCredentialTest {

  private final ObjectNode full = OfflineFixtures.fullCredential("Thandi Mokoena");
  private final ObjectNode minimal = MinimalCredential.of(full);

  @Test
  void keepsWhoAwardedWhatToWhomAndHowToCheckItStands() {
    assertEquals(List.of("@context", "id", "type", "issuer", "validFrom", "validUntil", "credentialSubject",
        "credentialStatus"), fields(minimal));
    assertEquals(full.get("@context"), minimal.get("@context"));
    assertEquals(full.get("id"), minimal.get("id"));
    assertEquals(full.get("credentialStatus"), minimal.get("credentialStatus"));
    assertEquals(List.of("id", "type", "name"), fields(minimal.get("issuer")));
    JsonNode subject = minimal.get("credentialSubject");
    assertEquals(full.get("credentialSubject").get("identifier"), subject.get("identifier"),
        "the salted email hash and the learner's name stay: they are how a reader knows whose it is");
    JsonNode achievement = subject.get("achievement");
    assertEquals(List.of("id", "type", "achievementType", "name", "description", "criteria"), fields(achievement));
    assertEquals("Higher Certificate in Early Childhood Development", achievement.get("name").asText());
  }

  @Test
  void leavesOutTheLongTexts() {
    JsonNode achievement = minimal.get("credentialSubject").get("achievement");
    assertEquals("", achievement.get("description").asText());
    assertTrue(achievement.get("criteria").isEmpty());
    for (String dropped : List.of("alignment", "creditsAvailable", "humanCode", "image")) {
      assertFalse(achievement.has(dropped), dropped);
    }
    for (String dropped : List.of("name", "credentialSchema", "description", "evidence", "image", "proof")) {
      assertFalse(minimal.has(dropped), dropped);
    }
    String text = minimal.toString();
    assertFalse(text.contains("supervised practicum"), "neither the description nor the criteria narrative");
    assertFalse(text.contains("NQF Level 5"));
  }

  @Test
  void isAValidOpenBadgeThatLeavesTheFullCredentialAlone() {
    String before = full.toString();
    TestCredentials.valid(MinimalCredential.of(full));
    assertEquals(before, full.toString());
  }

  @Test
  void anIssuerGivenAsAUrlStaysAUrl() {
    ObjectNode byUrl = full.deepCopy();
    byUrl.put("issuer", OfflineFixtures.ISSUER);
    assertEquals(OfflineFixtures.ISSUER, MinimalCredential.of(byUrl).get("issuer").asText());
  }

  @Test
  void refusesWhatIsNotAnOpenBadge() {
    assertThrows(IllegalArgumentException.class, () -> MinimalCredential.of(TestCredentials.example("did:web:x")));
    assertThrows(IllegalArgumentException.class, () -> MinimalCredential.of(Json.parse("[1]")));
    assertThrows(IllegalArgumentException.class, () -> MinimalCredential.of(null));
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
