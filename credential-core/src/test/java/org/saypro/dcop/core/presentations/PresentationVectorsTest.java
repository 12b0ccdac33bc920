package org.saypro.dcop.core.presentations;

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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.PresentationOptions;
import org.saypro.dcop.core.verify.PresentationReport;
import org.saypro.dcop.core.verify.PresentationVerifier;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * Walks {@code vectors/presentations/*.good.json} and {@code *.bad.json} (written by
 * {@link PresentationVectorGenerator}) through the presentation verifier with pure DID resolution and a fixed clock,
 * and checks every presentation check's status, every contained credential's outcome and the failing details.
 */
class PresentationVectorsTest {

  /** Fixed, so the vectors never expire by the passage of time. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  private static final List<String> CHECK_ORDER =
      List.of(Checks.FORMAT, Checks.SIGNATURE, PresentationVerifier.CHALLENGE, PresentationVerifier.HOLDER);

  private static final PresentationVerifier VERIFIER;

  static {
    MethodRoutingResolver resolver = MethodRoutingResolver.pureMethodsAnd(Map.of());
    DataIntegrity dataIntegrity = new DataIntegrity(RdfCanonicalizer.bundled());
    CredentialVerifier credentials =
        new CredentialVerifier(CredentialValidator.withBundledSchemas(), resolver, dataIntegrity, CLOCK);
    VERIFIER = new PresentationVerifier(credentials, resolver, dataIntegrity);
  }

  static Stream<Arguments> vectors() throws IOException, URISyntaxException {
    URL url = PresentationVectorsTest.class.getResource("/vectors/presentations");
    if (url == null) {
      throw new IllegalStateException("vectors/presentations is missing from the test resources");
    }
    Path dir = Paths.get(url.toURI());
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().matches(".+\\.(good|bad)\\.json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no presentation vectors found in " + dir);
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

    Object presentation =
        PresentationVerifier.classify(vector.get("presentation"))
            .orElseThrow(() -> new AssertionError(file + ": the presentation is not classified as a presentation"));
    PresentationReport report = VERIFIER.verify(presentation, options(vector.get("options")));

    assertEquals(CHECK_ORDER, report.checks().stream().map(CheckResult::check).toList(), "checks and their order");
    assertEquals(4, expected.get("checks").size(), "a vector states all four presentation checks");
    StringBuilder mismatches = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("checks").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> check = it.next();
      CheckResult actual = check(report, check.getKey());
      if (!actual.status().label().equals(check.getValue().textValue())) {
        mismatches.append(String.format("%n  %s: expected %s, was %s (%s)",
            check.getKey(), check.getValue().textValue(), actual.status().label(), actual.detail()));
      }
    }
    List<Boolean> expectedCredentials = new ArrayList<>();
    expected.get("credentials").forEach(c -> expectedCredentials.add(c.booleanValue()));
    List<Boolean> actualCredentials = report.credentials().stream().map(VerificationReport::verified).toList();
    if (!expectedCredentials.equals(actualCredentials)) {
      mismatches.append(String.format("%n  credentials: expected %s, was %s %s",
          expectedCredentials, actualCredentials,
          report.credentials().stream().map(VerificationReport::failures).toList()));
    }
    if (mismatches.length() > 0) {
      fail(file + ":" + mismatches);
    }
    assertEquals(good, report.verified(), "verified");

    JsonNode details = vector.path("detailContains");
    if (!good) {
      assertFalse(details.isEmpty(), "a bad vector names the detail of its failing check");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> detail = it.next();
      CheckResult result = detailed(report, detail.getKey());
      assertEquals(CheckResult.Status.FAILED, result.status(), detail.getKey() + ": detailContains names a failing check");
      assertTrue(
          result.detail().contains(detail.getValue().textValue()),
          detail.getKey() + " detail '" + result.detail() + "' lacks '" + detail.getValue().textValue() + "'");
    }
  }

  private static PresentationOptions options(JsonNode options) {
    return new PresentationOptions(
        text(options, "challenge"),
        text(options, "domain"),
        options.path("holderBinding").asBoolean(true),
        Optional.empty());
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }

  private static CheckResult check(PresentationReport report, String name) {
    return report.checks().stream()
        .filter(c -> c.check().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " check in " + report.checks()));
  }

  /** A presentation check by name, or {@code credentials/<i>/<check>} for a contained credential's check. */
  private static CheckResult detailed(PresentationReport report, String key) {
    if (!key.startsWith("credentials/")) {
      return check(report, key);
    }
    String[] parts = key.split("/");
    VerificationReport credential = report.credentials().get(Integer.parseInt(parts[1]));
    return credential.check(parts[2]).orElseThrow(() -> new AssertionError("no check " + key));
  }
}
