package org.saypro.dcop.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.Validation;

/** Credentials for unit tests: fresh, mutable JSON each call. */
public final class TestCredentials {

  public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
  public static final String EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
  public static final String OB_3_0_3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  public static final String SUBJECT = "did:example:ebfeb1f712ebc6f1c276e12ec21";

  private static final CredentialValidator VALIDATOR = CredentialValidator.withBundledSchemas();

  private TestCredentials() {}

  /** A valid VC 2.0 credential by {@code issuer}, without an id. */
  public static ObjectNode example(String issuer) {
    ObjectNode c = Json.newObject();
    c.set("@context", array(CREDENTIALS_V2, EXAMPLES_V2));
    c.set("type", array("VerifiableCredential", "ExampleDegreeCredential"));
    c.put("issuer", issuer);
    c.put("validFrom", "2026-01-01T00:00:00Z");
    c.put("validUntil", "2031-01-01T00:00:00Z");
    ObjectNode subject = c.putObject("credentialSubject");
    subject.put("id", SUBJECT);
    subject.putObject("degree").put("type", "ExampleBachelorDegree").put("name", "Bachelor of Science and Arts");
    return c;
  }

  /**
   * The Open Badges 3.0 OpenBadgeCredential shape this service issues: contexts, types, id, a Profile issuer,
   * validFrom, an AchievementSubject with a complete Achievement, and a name.
   */
  public static ObjectNode openBadge(String issuer) {
    ObjectNode c = Json.newObject();
    c.set("@context", array(CREDENTIALS_V2, OB_3_0_3));
    c.put("id", "urn:uuid:3c1e7a52-2f4e-4d3b-a1c9-7f0e8d6b5a41");
    c.set("type", array("VerifiableCredential", "OpenBadgeCredential"));
    ObjectNode profile = c.putObject("issuer");
    profile.put("id", issuer);
    profile.set("type", array("Profile"));
    profile.put("name", "Example Community of Practice");
    c.put("validFrom", "2026-01-01T00:00:00Z");
    c.put("name", "Peer Mentor");
    ObjectNode subject = c.putObject("credentialSubject");
    subject.put("id", SUBJECT);
    subject.set("type", array("AchievementSubject"));
    ObjectNode achievement = subject.putObject("achievement");
    achievement.put("id", "https://example.org/achievements/peer-mentor");
    achievement.set("type", array("Achievement"));
    achievement.put("name", "Peer Mentor");
    achievement.put("description", "Mentored three newcomers through their first project.");
    achievement.putObject("criteria").put("narrative", "Mentor three newcomers for at least four weeks each.");
    return c;
  }

  /** The typed credential of valid JSON; fails the test if it is not valid. */
  public static Credential valid(ObjectNode json) {
    Validation validation = VALIDATOR.validate(json);
    if (validation instanceof Validation.Invalid invalid) {
      throw new AssertionError("test credential is invalid: " + invalid.errors());
    }
    return ((Validation.Valid) validation).credential();
  }

  public static ArrayNode array(String... values) {
    ArrayNode array = Json.mapper().createArrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }
}
