package org.saypro.dcop.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A real headless Chromium for one test class: started before its first test with a fresh profile, quit and deleted
 * after its last. Each test starts at the default viewport with no cookies. Register it in a static field:
 *
 * <pre>{@code @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();}</pre>
 *
 * <p>Without Chromium the class fails, or is skipped with {@code DCOP_BROWSER_TESTS=skip} outside CI.
 */
public final class HeadlessChromium
    implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  /** How long a navigation or a download may take before the test fails. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final boolean javaScript;
  private Path profile;
  private Path downloadDir;
  private Downloads downloads;
  private ChromeDriver driver;
  /** The emulated screen width, or 0 for the default desktop window. */
  private int viewportWidth;

  public HeadlessChromium() {
    this(true);
  }

  private HeadlessChromium(boolean javaScript) {
    this.javaScript = javaScript;
  }

  /** A browser whose pages run no script, as with users who turn it off: pages must still work. */
  public static HeadlessChromium withoutJavaScript() {
    return new HeadlessChromium(false);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return BrowserTestsCondition.evaluate();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    profile = Files.createTempDirectory("dcop-chromium-profile-");
    downloadDir = Files.createTempDirectory("dcop-chromium-downloads-");
    downloads = new Downloads(downloadDir);
    driver = SystemChromium.start(profile, downloadDir, javaScript);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    viewportWidth(0);
    driver.manage().deleteAllCookies();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      deleteTree(profile);
      deleteTree(downloadDir);
    }
  }

  public void open(URI url) {
    driver.get(url.toString());
  }

  public String title() {
    return driver.getTitle();
  }

  /** The text of the first element matching the CSS selector, as rendered (hidden text left out). */
  public String text(String selector) {
    return find(selector).getText();
  }

  /** Types into a text field or text area (replacing what it held), or picks a select's option by value. */
  public void fill(String selector, String value) {
    WebElement field = find(selector);
    if ("select".equals(field.getTagName())) {
      field.findElement(By.cssSelector("option[value='" + value.replace("'", "\\'") + "']")).click();
    } else {
      field.clear();
      field.sendKeys(value);
    }
  }

  /** Clicks the element; for a click that leads to another page, {@link #submit} waits for it. */
  public void click(String selector) {
    find(selector).click();
  }

  /** Clicks the element (a form's submit button, a link) and waits until the page it leads to has replaced this one. */
  public void submit(String selector) {
    WebElement element = find(selector);
    element.click();
    Poll.until(() -> isGone(element), WAIT, "new page after clicking " + selector);
  }

  /** Chooses a file in an {@code <input type="file">}, as a user picking it from disk would. */
  public void upload(String selector, Path file) {
    find(selector).sendKeys(file.toAbsolutePath().toString());
  }

  /** Clicks the element (a download link or button) and returns the file the browser saved, once complete. */
  public Path download(String selector) {
    Set<Path> before = downloads.files();
    click(selector);
    return downloads.awaitNew(before, WAIT, "completed download after clicking " + selector);
  }

  /**
   * Emulates a phone screen this many CSS pixels wide (0: back to the default desktop window). Takes effect at
   * once, also for the open page.
   */
  public void viewportWidth(int width) {
    viewportWidth = width;
    if (width == 0) {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    } else {
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", 640, "deviceScaleFactor", 1, "mobile", true));
    }
  }

  /**
   * Fails when the page is wider than the screen (the emulated phone's, or else the window), naming the elements
   * that stick out, and saying so when the page lacks the viewport meta tag phones need to lay it out at their width.
   */
  public void assertNoHorizontalScroll() {
    Object problem = driver.executeScript("""
        const screen = arguments[0] > 0 ? arguments[0] : window.innerWidth;
        const width = Math.max(document.documentElement.scrollWidth, window.innerWidth);
        if (width <= screen) return null;
        const overflowing = Array.from(document.querySelectorAll('body *'))
          .filter(e => e.getBoundingClientRect().right > screen).slice(0, 10)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)');
        return 'the page is ' + width + ' px wide on a ' + screen + ' px screen'
          + (document.querySelector('meta[name=viewport]') ? '' : ' and has no <meta name="viewport">')
          + '; wider than the screen: ' + overflowing.join(', ');
        """, viewportWidth);
    if (problem != null) {
      throw new AssertionError(problem);
    }
  }

  /**
   * Runs axe-core's WCAG 2.x A and AA rules in the open page and fails listing every violation. axe runs as a page
   * script, so only in a browser with JavaScript.
   */
  public void assertNoAccessibilityViolations() {
    if (!javaScript) {
      throw new IllegalStateException("axe-core cannot run where page scripts are off: check accessibility with a"
          + " HeadlessChromium that runs JavaScript");
    }
    JsonNode violations = Axe.violations(driver);
    if (!violations.isEmpty()) {
      throw new AssertionError(violations.size() + " accessibility violation(s) in " + driver.getCurrentUrl() + ":"
          + Axe.describe(violations));
    }
  }

  /** The WebDriver itself, for what these helpers do not cover. */
  public WebDriver driver() {
    return driver;
  }

  private WebElement find(String selector) {
    return driver.findElement(By.cssSelector(selector));
  }

  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException gone) {
      return true;
    } catch (WebDriverException e) {
      // caught mid-navigation, Chromium reports the old document's node by this message instead of "stale"
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
