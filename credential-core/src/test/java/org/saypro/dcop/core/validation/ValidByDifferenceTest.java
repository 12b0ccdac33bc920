package org.saypro.dcop.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.AchievementAward;
import org.saypro.dcop.core.openbadges.OpenBadges;
import org.saypro.dcop.core.openbadges.Recipient;

/**
 * Validation by difference gives exactly the answer and the errors of the whole schema, and for two awards of one
 * qualification checks only the values that differ.
 */
class ValidByDifferenceTest {

  private static final OpenBadgesSchema SCHEMA = OpenBadgesSchema.bundled();
  private static final JsonNode DOCUMENT = schemaDocument();

  @Test
  void twoAwardsOfOneQualificationDifferOnlyInTheirSmallValues() {
    JsonNode first = award("thandi@example.org", "Thandi", 17);
    JsonNode second = award("sipho@example.org", "Sipho", 90_210);
    assertEquals(List.of(), SCHEMA.validateWhole(first));
    Set<String> checked = new TreeSet<>();
    ValidByDifference difference =
        ValidByDifference.of(DOCUMENT, (pointer, value) -> checked.add(pointer)).orElseThrow();

    assertTrue(difference.valid(second, first));

    assertEquals(Set.of("/$defs/AchievementSubject/properties/identifier", "/$defs/CredentialStatus/properties/id",
        "/properties/id"), checked, "the achievement, issuer, contexts and types are not checked again");
  }

  @Test
  void anAwardWithAnInvalidIdentifierGetsTheWholeSchemasErrors() {
    JsonNode first = award("thandi@example.org", "Thandi", 17);
    ObjectNode bad = (ObjectNode) award("sipho@example.org", "Sipho", 18);
    ((ObjectNode) bad.get("credentialSubject").get("identifier").get(0)).put("identityType", "shoeSize");
    assertEquals(List.of(), SCHEMA.validate(first));

    List<FieldError> errors = SCHEMA.validate(bad);

    assertFalse(errors.isEmpty());
    assertEquals(SCHEMA.validateWhole(bad), errors);
  }

  /**
   * The safety property, over many random changes to a valid award (values replaced, fields removed or added, at any
   * depth): what {@link OpenBadgesSchema#validate} answers, by difference or whole, is what the whole schema answers.
   */
  @Test
  void givesTheWholeSchemasAnswerForAnyChangeToAnAcceptedCredential() {
    Random random = new Random(20261124);
    JsonNode base = award("thandi@example.org", "Thandi", 17);
    int shownValid = 0;
    int refused = 0;
    for (int i = 0; i < 400; i++) {
      assertEquals(List.of(), SCHEMA.validate(base));
      JsonNode mutant = mutate(base, random, 1 + random.nextInt(2));
      List<FieldError> whole = SCHEMA.validateWhole(mutant);
      assertEquals(whole, SCHEMA.validate(mutant), () -> "for " + mutant);
      if (whole.isEmpty()) {
        shownValid++;
      } else {
        refused++;
      }
    }
    assertTrue(shownValid > 50 && refused > 50, "both kinds were tried: " + shownValid + " valid, " + refused
        + " refused");
  }

  private static final List<JsonNode> REPLACEMENTS = List.of(
      JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("x"),
      JsonNodeFactory.instance.textNode("2026-11-24T10:00:00Z"), JsonNodeFactory.instance.textNode("not a date"),
      JsonNodeFactory.instance.textNode("https://example.org/other"), JsonNodeFactory.instance.textNode("name"),
      JsonNodeFactory.instance.numberNode(7), JsonNodeFactory.instance.booleanNode(true),
      JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.objectNode(),
      JsonNodeFactory.instance.arrayNode());

  private static JsonNode replacement(Random random) {
    return REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())).deepCopy();
  }

  /** The document with {@code changes} random changes, each at a random place in it. */
  private static JsonNode mutate(JsonNode base, Random random, int changes) {
    JsonNode copy = base.deepCopy();
    for (int c = 0; c < changes; c++) {
      List<JsonNode> containers = new ArrayList<>();
      collectContainers(copy, containers);
      JsonNode container = containers.get(random.nextInt(containers.size()));
      if (container.isObject()) {
        ObjectNode object = (ObjectNode) container;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        int kind = random.nextInt(4);
        if (kind == 0 || names.isEmpty()) {
          object.set("extra" + random.nextInt(3), replacement(random));
        } else if (kind == 1) {
          object.remove(names.get(random.nextInt(names.size())));
        } else {
          object.set(names.get(random.nextInt(names.size())), replacement(random));
        }
      } else if (!container.isEmpty()) {
        ((ArrayNode) container).set(random.nextInt(container.size()),
            replacement(random));
      }
    }
    return copy;
  }

  private static void collectContainers(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collectContainers(child, containers));
    }
  }

  /** An award as the issuing pipeline validates it: with an id, the schema reference and a status entry. */
  private static JsonNode award(String email, String name, int statusIndex) {
    ObjectNode credential = new AchievementAward("did:web:dcop.example", "SayPro",
        "https://dcop.example/organisations/saypro/qualifications/ECD-5", "Early Childhood Development",
        "A year-long programme.", "Complete all modules.", "Certificate", OptionalInt.of(120),
        Optional.of("ECD-5"), List.of(), new Recipient.ByEmail(email, Optional.of(name)),
        Instant.parse("2026-11-24T10:00:00Z"), Optional.empty()).toCredential();
    credential.put("id", "https://dcop.example/credentials/" + java.util.UUID.randomUUID());
    OpenBadges.addSchemaReference(credential);
    String list = "https://dcop.example/status/revocation-1";
    credential.set("credentialStatus", Json.mapper().valueToTree(Map.of("id", list + "#" + statusIndex,
        "type", "BitstringStatusListEntry", "statusPurpose", "revocation", "statusListIndex",
        String.valueOf(statusIndex), "statusListCredential", list)));
    return credential;
  }

  private static JsonNode schemaDocument() {
    try (InputStream in = OpenBadgesSchema.class.getResourceAsStream(OpenBadgesSchema.RESOURCE)) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
