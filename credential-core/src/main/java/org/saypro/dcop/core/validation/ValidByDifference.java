package org.saypro.dcop.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows a document valid from its difference to one the schema already accepted, validating only the parts that
 * differ. Exact, not a guess, because of how the schema checks objects: an object schema made only of {@code type:
 * object}, {@code properties}, {@code required} and {@code additionalProperties} (and annotations) accepts an object
 * exactly when its field names pass {@code required} and {@code additionalProperties: false}, and each field's value
 * passes that field's schema. Two objects with the same field names share the first part, and a value equal to the
 * accepted document's passed its schema there. What is left is the values that differ: each is checked against its
 * own subschema, or taken apart the same way when that subschema is again such an object schema.
 *
 * <p>Checking a subschema on its own is the same as checking it in place only without dynamic scope and with one base
 * URI, so a schema document with any keyword of dynamic scope ({@link #DYNAMIC}) or with more than one {@code $id} is
 * never taken apart. Awards of one qualification differ in a few small values (the credential's id, the learner's
 * identifier, the status entry), so this checks a few hundred bytes instead of the whole credential.
 */
final class ValidByDifference {

  /** Keywords of an object schema that can be taken apart: a check of the field names, and one schema per field. */
  private static final Set<String> OBJECT_KEYWORDS = Set.of("$schema", "$id", "$comment", "$defs", "title",
      "description", "type", "properties", "required", "additionalProperties");
  /** Keywords of a schema that is only a reference elsewhere in the document. */
  private static final Set<String> REFERENCE_KEYWORDS = Set.of("$ref", "$comment", "description", "title");
  /** Keywords whose results depend on where a subschema is reached from (drafts 2019-09 and 2020-12). */
  private static final Set<String> DYNAMIC = Set.of("unevaluatedProperties", "unevaluatedItems", "$recursiveRef",
      "$recursiveAnchor", "$dynamicRef", "$dynamicAnchor");

  /** Validates a value against the subschema at a JSON Pointer into the schema document. */
  @FunctionalInterface
  interface Subschemas {
    boolean accept(String pointer, JsonNode value);
  }

  private final JsonNode schemaDocument;
  private final Subschemas subschemas;
  /** One per pointer reached, so bounded by the schema document. */
  private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

  private ValidByDifference(JsonNode schemaDocument, Subschemas subschemas) {
    this.schemaDocument = schemaDocument;
    this.subschemas = subschemas;
  }

  /** A checker for the schema document, or none when its subschemas cannot be checked on their own. */
  static Optional<ValidByDifference> of(JsonNode schemaDocument, Subschemas subschemas) {
    if (count(schemaDocument, DYNAMIC) > 0 || count(schemaDocument, Set.of("$id")) > 1) {
      return Optional.empty();
    }
    return Optional.of(new ValidByDifference(schemaDocument, subschemas));
  }

  /**
   * True when {@code document} is shown valid; false when it is not shown so (it may still be valid: validate it
   * whole).
   *
   * @param accepted a document the schema accepted
   */
  boolean valid(JsonNode document, JsonNode accepted) {
    return document.equals(accepted) || takenApart(document, accepted, "");
  }

  /** Whether the value is valid at the pointer, by its fields when the schema there allows, else whole. */
  private boolean valid(JsonNode value, JsonNode accepted, String pointer) {
    return value.equals(accepted) || takenApart(value, accepted, pointer) || subschemas.accept(pointer, value);
  }

  /** True when every field that differs is valid; false when some is not, or the value cannot be taken apart. */
  private boolean takenApart(JsonNode value, JsonNode accepted, String pointer) {
    if (!value.isObject() || !accepted.isObject()) {
      return false;
    }
    Shape shape = shapes.computeIfAbsent(pointer, this::shape);
    if (!shape.object() || !sameFieldNames(value, accepted)) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      String sub;
      if (shape.properties().has(name)) {
        sub = shape.propertyPointers().computeIfAbsent(name,
            n -> shape.resolved() + "/properties/" + n.replace("~", "~0").replace("/", "~1"));
      } else if (shape.additional().isObject()) {
        sub = shape.resolved() + "/additionalProperties";
      } else {
        // additionalProperties true or absent: any value; false: the accepted document had no such field either
        continue;
      }
      if (!valid(field.getValue(), accepted.get(name), sub)) {
        return false;
      }
    }
    return true;
  }

  /**
   * What the schema at a pointer says about taking a value apart, worked out once per pointer (resolving the
   * pointer each time was a sixth of this class's cost): the pointer after references, whether it is an object
   * schema, its properties (with the pointer of each, as they are met) and its additionalProperties.
   */
  private record Shape(
      String resolved, boolean object, JsonNode properties, Map<String, String> propertyPointers,
      JsonNode additional) {}

  private Shape shape(String pointer) {
    String resolved = resolve(pointer);
    JsonNode schema = schemaDocument.at(resolved);
    return new Shape(resolved, objectSchema(schema), schema.path("properties"), new ConcurrentHashMap<>(),
        schema.path("additionalProperties"));
  }

  /** Follows schemas that are only a reference into this document ({@code {"$ref": "#/$defs/X"}}). */
  private String resolve(String pointer) {
    JsonNode schema = schemaDocument.at(pointer);
    for (int hops = 0; hops < 16 && only(schema, REFERENCE_KEYWORDS) && schema.path("$ref").asText().startsWith("#/");
        hops++) {
      pointer = schema.get("$ref").asText().substring(1);
      schema = schemaDocument.at(pointer);
    }
    return pointer;
  }

  private static boolean objectSchema(JsonNode schema) {
    return only(schema, OBJECT_KEYWORDS) && (!schema.has("type") || schema.get("type").asText().equals("object"))
        && (!schema.has("properties") || schema.get("properties").isObject());
  }

  private static boolean only(JsonNode schema, Set<String> keywords) {
    if (!schema.isObject() || schema.isEmpty()) {
      return false;
    }
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      if (!keywords.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameFieldNames(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
      if (!b.has(names.next())) {
        return false;
      }
    }
    return true;
  }

  /** How many times the keywords appear as field names anywhere in the document (conservative: property names too). */
  private static int count(JsonNode node, Set<String> keywords) {
    int found = 0;
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        found += (keywords.contains(field.getKey()) ? 1 : 0) + count(field.getValue(), keywords);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        found += count(item, keywords);
      }
    }
    return found;
  }
}
