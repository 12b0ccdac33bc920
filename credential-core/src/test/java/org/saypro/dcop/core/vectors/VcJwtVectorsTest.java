package org.saypro.dcop.core.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * Walks {@code vectors/vcjwt/*.good.json} and {@code *.bad.json} (written by {@link JoseVectorGenerator}) through the
 * verifier with pure DID resolution and a fixed clock, and checks every named check's status.
 */
class VcJwtVectorsTest {

  /** Fixed, so the vectors never expire by the passage of time. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  private static final List<String> CHECK_ORDER = List.of(Checks.FORMAT, Checks.SIGNATURE, Checks.ISSUER, Checks.VALIDITY);

  private static final CredentialVerifier VERIFIER =
      new CredentialVerifier(
          CredentialValidator.withBundledSchemas(), MethodRoutingResolver.pureMethodsAnd(Map.of()), CLOCK);

  static Stream<Arguments> vectors() throws IOException, URISyntaxException {
    URL url = VcJwtVectorsTest.class.getResource("/vectors/vcjwt");
    if (url == null) {
      throw new IllegalStateException("vectors/vcjwt is missing from the test resources");
    }
    Path dir = Paths.get(url.toURI());
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().matches(".+\\.(good|bad)\\.json"))
              .sorted()
              .toList();
    }
    return files.stream().map(p -> Arguments.of(p.getFileName().toString(), read(p)));
  }

  private static JsonNode read(Path file) {
    try {
      return Json.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String file, JsonNode vector) {
    assertTrue(vector.path("description").isTextual(), "every vector describes itself");
    JsonNode expected = vector.get("expected");
    boolean good = file.endsWith(".good.json");
    assertEquals(good, expected.get("verified").booleanValue(), "file suffix and expected.verified disagree");

    VerificationReport report = VERIFIER.verify(input(vector));

    assertEquals(CHECK_ORDER, report.checks().stream().map(CheckResult::check).toList(), "checks and their order");
    StringBuilder mismatches = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("checks").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> check = it.next();
      CheckResult actual = report.check(check.getKey()).orElseThrow();
      if (!actual.status().label().equals(check.getValue().textValue())) {
        mismatches.append(String.format("%n  %s: expected %s, was %s (%s)",
            check.getKey(), check.getValue().textValue(), actual.status().label(), actual.detail()));
      }
    }
    assertEquals(4, expected.get("checks").size(), "a vector states all four checks");
    if (mismatches.length() > 0) {
      fail(file + ":" + mismatches);
    }
    assertEquals(good, report.verified());

    JsonNode details = vector.path("detailContains");
    if (!good) {
      assertFalse(details.isEmpty(), "a bad vector names the detail of its failing check");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> detail = it.next();
      CheckResult result = report.check(detail.getKey()).orElseThrow();
      assertEquals(CheckResult.Status.FAILED, result.status(), "detailContains names a failing check");
      assertTrue(
          result.detail().contains(detail.getValue().textValue()),
          detail.getKey() + " detail '" + result.detail() + "' lacks '" + detail.getValue().textValue() + "'");
    }
    if (good) {
      assertTrue(report.credential().isPresent(), "a verified report carries the credential it read");
    }
  }

  private static SecuredInput input(JsonNode vector) {
    if (vector.has("jwt")) {
      return new SecuredInput.VcJwt(vector.get("jwt").textValue());
    }
    JsonNode input = vector.get("input");
    return SecuredInput.classify(input)
        .orElseThrow(() -> new AssertionError("the vector's input is not classified as a credential: " + input));
  }
}
