package org.saypro.dcop.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.ledger.testing.NodeTooling;

/**
 * axe-core, from the lockfile in {@code app/src/test/browser}, run inside the open page with the WCAG 2.0, 2.1 and
 * 2.2 level A and AA rules: the standard public pages are held to.
 */
final class Axe {

  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static final String RUN = """
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
        .then(results => done(JSON.stringify(results.violations)), error => done('axe failed: ' + error));
      """;

  private static String source;

  private Axe() {}

  /** The violations axe finds in the page, as axe reports them (id, impact, help, helpUrl, nodes). */
  static JsonNode violations(JavascriptExecutor page) {
    if (!Boolean.TRUE.equals(page.executeScript("return typeof axe !== 'undefined'"))) {
      page.executeScript(source());
    }
    Object result = page.executeAsyncScript(RUN, TAGS);
    if (!(result instanceof String json) || json.startsWith("axe failed")) {
      throw new IllegalStateException("axe-core did not run in the page: " + result);
    }
    return Json.parse(json);
  }

  /** One line per violation, then the elements it was found on and what would fix each. */
  static String describe(JsonNode violations) {
    StringBuilder out = new StringBuilder();
    for (JsonNode violation : violations) {
      out.append("\n- ").append(violation.path("id").asText()).append(" (").append(violation.path("impact").asText())
          .append("): ").append(violation.path("help").asText()).append(" <").append(violation.path("helpUrl").asText())
          .append(">");
      for (JsonNode node : violation.path("nodes")) {
        out.append("\n    ").append(node.path("target")).append(": ")
            .append(node.path("failureSummary").asText().replace('\n', ' '));
      }
    }
    return out.toString();
  }

  /** axe.min.js, installed with {@code npm ci} on first use when a developer has not run .ci/run. */
  private static synchronized String source() {
    if (source == null) {
      Path dir = packageDir();
      Path script = dir.resolve("node_modules/axe-core/axe.min.js");
      if (!Files.isRegularFile(script)) {
        NodeTooling.run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
      }
      try {
        source = Files.readString(script);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }

  /** Failsafe runs in the app module; an IDE may run from the repository root. */
  private static Path packageDir() {
    for (Path dir : List.of(Path.of("src/test/browser"), Path.of("app/src/test/browser"))) {
      if (Files.isRegularFile(dir.resolve("package-lock.json"))) {
        return dir.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "app/src/test/browser/package-lock.json not found from " + Path.of("").toAbsolutePath());
  }
}
