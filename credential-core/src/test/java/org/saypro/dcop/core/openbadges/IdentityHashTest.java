package org.saypro.dcop.core.openbadges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.json.Json;

class IdentityHashTest {

  @Test
  void hashIsSha256OfIdentityAndSaltInHex() {
    // computed independently: printf '%s' learner@example.orgNa2Cl | sha256sum
    assertEquals(
        "sha256$ba24abd31bd9ae7751d8dcb52162de36a298c629f938f3dddef34c135b63e329",
        IdentityHash.hash("learner@example.org", "Na2Cl"));
  }

  @Test
  void anEmailMatchesItsOwnIdentityObjectOnly() {
    ObjectNode identity = IdentityHash.forEmail("Thandi@Example.org ");
    assertEquals("IdentityObject", identity.get("type").asText());
    assertTrue(identity.get("hashed").asBoolean());
    assertFalse(identity.toString().contains("thandi"), "the email address is not disclosed");
    assertTrue(IdentityHash.matchesEmail(identity, "thandi@example.org"));
    assertFalse(IdentityHash.matchesEmail(identity, "sipho@example.org"));
  }

  @Test
  void twoIdentityObjectsForOneEmailDifferBySalt() {
    assertNotEquals(
        IdentityHash.forEmail("a@example.org").get("identityHash"), IdentityHash.forEmail("a@example.org").get("identityHash"));
  }

  @Test
  void anUnhashedIdentityObjectIsComparedDirectly() {
    ObjectNode plain = (ObjectNode) Json.parse(
        "{\"type\":\"IdentityObject\",\"identityType\":\"emailAddress\",\"hashed\":false,\"identityHash\":\"a@example.org\"}");
    assertTrue(IdentityHash.matchesEmail(plain, "A@example.org"));
  }

  @Test
  void aSchemaReferenceIsAddedOnce() {
    ObjectNode credential = (ObjectNode) Json.parse("{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"]}");
    assertTrue(OpenBadges.isOpenBadge(credential));
    OpenBadges.addSchemaReference(credential);
    OpenBadges.addSchemaReference(credential);
    assertEquals(1, credential.get("credentialSchema").size());
    assertEquals(OpenBadges.ACHIEVEMENT_CREDENTIAL_SCHEMA, credential.get("credentialSchema").get(0).get("id").asText());
    assertEquals("1EdTechJsonSchemaValidator2019", credential.get("credentialSchema").get(0).get("type").asText());
  }
}
