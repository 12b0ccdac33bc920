package org.saypro.dcop.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.saypro.dcop.core.json.Json;

/**
 * The 1EdTech Open Badges 3.0 AchievementCredential JSON Schema, bundled in this jar. Only the bundled schema and the
 * JSON Schema meta-schemas shipped with the validator may be loaded: a {@code $ref} elsewhere fails instead of
 * fetching.
 */
public final class OpenBadgesSchema {

  static final String RESOURCE = "/schemas/ob_v3p0_achievementcredential_schema.json";

  private final JsonSchema schema;
  private final Optional<ValidByDifference> byDifference;
  /**
   * The last credential this thread found valid in full: the next one is checked by its difference to it. Per thread,
   * so that a bulk issuance's workers each keep the credential they just issued, without contention.
   */
  private final ThreadLocal<JsonNode> lastAccepted = new ThreadLocal<>();

  private OpenBadgesSchema(JsonSchema schema, JsonNode document, Function<String, JsonSchema> subschema) {
    this.schema = schema;
    Map<String, JsonSchema> subschemas = new ConcurrentHashMap<>();
    this.byDifference = ValidByDifference.of(document, (pointer, value) ->
        subschemas.computeIfAbsent(pointer, subschema).validate(value).isEmpty());
  }

  public static OpenBadgesSchema bundled() {
    String text = readResource(RESOURCE);
    JsonNode document = Json.parse(text);
    String id = document.path("$id").asText();
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V201909,
            builder ->
                builder.schemaLoaders(
                    loaders ->
                        loaders
                            .add(new AllowSchemaLoader(iri -> iri.toString().equals(id) || isMetaSchema(iri.toString())))
                            .schemas(Map.of(id, text))));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();
    return new OpenBadgesSchema(factory.getSchema(SchemaLocation.of(id), config), document,
        pointer -> factory.getSchema(SchemaLocation.of(id + "#" + pointer), config));
  }

  private static boolean isMetaSchema(String iri) {
    return iri.startsWith("https://json-schema.org/draft/2019-09/") || iri.startsWith("http://json-schema.org/");
  }

  /**
   * Every schema violation, as field errors; empty when the document conforms. A credential that differs from the
   * last one accepted on this thread only in a few values is accepted by checking those ({@link ValidByDifference});
   * when that does not show it valid, it is validated whole, so the answer and the errors are always those of the
   * whole schema.
   */
  public List<FieldError> validate(JsonNode credential) {
    JsonNode accepted = lastAccepted.get();
    if (accepted != null && byDifference.isPresent() && byDifference.get().valid(credential, accepted)) {
      return List.of();
    }
    List<FieldError> errors = validateWhole(credential);
    if (errors.isEmpty()) {
      // a copy: the caller may change its document afterwards
      lastAccepted.set(credential.deepCopy());
    }
    return errors;
  }

  List<FieldError> validateWhole(JsonNode credential) {
    return schema.validate(credential).stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
        .map(m -> new FieldError(m.getInstanceLocation().toString(), "Open Badges 3.0 schema: " + describe(m)))
        .distinct()
        .toList();
  }

  private static String describe(ValidationMessage message) {
    // The library prefixes messages with the instance path, which the pointer already carries.
    String text = message.getMessage();
    String location = message.getInstanceLocation().toString();
    return text.startsWith(location + ": ") ? text.substring(location.length() + 2) : text;
  }

  private static String readResource(String name) {
    try (InputStream in = OpenBadgesSchema.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
