package org.saypro.dcop.core.openbadges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.saypro.dcop.core.json.Json;

/**
 * An Open Badges 3.0 {@code IdentityObject} naming a recipient by a salted hash of an identifier (an email address),
 * so the credential does not disclose it: {@code identityHash = "sha256$" + hex(SHA-256(identity + salt))}.
 */
public final class IdentityHash {

  private static final SecureRandom RANDOM = new SecureRandom();

  private IdentityHash() {}

  /** A new IdentityObject for an email address, with a random salt. Email addresses are compared lower-cased. */
  public static ObjectNode forEmail(String email) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return identityObject("emailAddress", normalise(email), HexFormat.of().formatHex(salt));
  }

  static ObjectNode identityObject(String identityType, String identity, String salt) {
    ObjectNode node = Json.newObject();
    node.put("type", "IdentityObject");
    node.put("identityHash", hash(identity, salt));
    node.put("identityType", identityType);
    node.put("hashed", true);
    node.put("salt", salt);
    return node;
  }

  public static String hash(String identity, String salt) {
    return "sha256$" + HexFormat.of().formatHex(Json.sha256((identity + salt).getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether the IdentityObject names this email address; constant time in the hash comparison. */
  public static boolean matchesEmail(JsonNode identityObject, String email) {
    if (!"emailAddress".equals(identityObject.path("identityType").asText())) {
      return false;
    }
    String expected = identityObject.path("identityHash").asText("");
    String actual =
        identityObject.path("hashed").asBoolean(false)
            ? hash(normalise(email), identityObject.path("salt").asText(""))
            : normalise(email);
    return MessageDigest.isEqual(
        expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
        actual.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
  }

  private static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
