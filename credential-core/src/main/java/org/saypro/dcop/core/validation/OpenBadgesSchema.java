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
import org.saypro.dcop.core.json.Json;

/**
 * The 1EdTech Open Badges 3.0 AchievementCredential JSON Schema, bundled in this jar. Only the bundled schema and the
 * JSON Schema meta-schemas shipped with the validator may be loaded: a {@code $ref} elsewhere fails instead of
 * fetching.
 */
public final class OpenBadgesSchema {

  static final String RESOURCE = "/schemas/ob_v3p0_achievementcredential_schema.json";

  private final JsonSchema schema;

  private OpenBadgesSchema(JsonSchema schema) {
    this.schema = schema;
  }

  public static OpenBadgesSchema bundled() {
    String text = readResource(RESOURCE);
    String id = Json.parse(text).path("$id").asText();
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
    return new OpenBadgesSchema(factory.getSchema(SchemaLocation.of(id), config));
  }

  private static boolean isMetaSchema(String iri) {
    return iri.startsWith("https://json-schema.org/draft/2019-09/") || iri.startsWith("http://json-schema.org/");
  }

  /** Every schema violation, as field errors; empty when the document conforms. */
  public List<FieldError> validate(JsonNode credential) {
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
