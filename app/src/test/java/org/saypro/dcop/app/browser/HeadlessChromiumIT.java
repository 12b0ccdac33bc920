package org.saypro.dcop.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The browser helpers themselves, against a few fixed pages served by the JDK's HTTP server. */
class HeadlessChromiumIT {

  @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();
  @RegisterExtension static final HeadlessChromium noScript = HeadlessChromium.withoutJavaScript();
  @TempDir static Path files;
  private static HttpServer server;

  private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Test page</title></head>";

  @BeforeAll
  static void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    page("/form", HEAD + "<body><main><h1>Form</h1>"
        + "<form method=\"post\" action=\"/echo\" enctype=\"multipart/form-data\">"
        + "<label>Name <input name=\"name\"></label>"
        + "<label>Level <select name=\"level\"><option value=\"4\">Four</option><option value=\"5\">Five</option>"
        + "</select></label><label>File <input type=\"file\" name=\"file\"></label><button id=\"send\">Send</button>"
        + "</form><a id=\"csv\" href=\"/report.csv\">Report</a></main></body></html>");
    server.createContext("/echo", exchange -> respond(exchange, "text/html", HEAD + "<body><main><pre>"
        + escape(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
        + "</pre></main></body></html>"));
    server.createContext("/report.csv", exchange -> {
      exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"report.csv\"");
      respond(exchange, "text/csv", "name,level\nThandi,5\n");
    });
    page("/script", HEAD + "<body><main><h1 id=\"h\">no script</h1></main>"
        + "<script>document.getElementById('h').textContent = 'script ran'</script></body></html>");
    page("/wide",
        HEAD + "<body><main><h1>Wide</h1><div id=\"wide\" style=\"width: 600px\">x</div></main></body></html>");
    page("/desktop-only", "<!DOCTYPE html><html lang=\"en\"><head><title>Desktop</title></head><body><main>"
        + "<h1>Desktop</h1></main></body></html>");
    page("/inaccessible", "<!DOCTYPE html><html><head><title>Bad</title></head><body><main><h1>Bad</h1>"
        + "<img src=\"/nothing.png\"></main></body></html>");
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void fillsAFormUploadsAFileAndSubmitsIt() throws IOException {
    Path file = Files.writeString(files.resolve("evidence.txt"), "hello from a file");
    browser.open(url("/form"));
    browser.fill("input[name=name]", "Thandi");
    browser.fill("select[name=level]", "5");
    browser.upload("input[type=file]", file);
    browser.submit("#send");
    String echoed = browser.text("pre");
    assertTrue(echoed.contains("Thandi") && echoed.contains("filename=\"evidence.txt\"")
        && echoed.contains("hello from a file"), echoed);
    assertTrue(echoed.matches("(?s).*name=\"level\"\\s+5.*"), echoed);
  }

  @Test
  void downloadsAFile() throws IOException {
    browser.open(url("/form"));
    Path downloaded = browser.download("#csv");
    assertEquals("report.csv", downloaded.getFileName().toString());
    assertEquals("name,level\nThandi,5\n", Files.readString(downloaded));
  }

  @Test
  void theSecondBrowserRunsNoScriptButStillChecksLayout() {
    browser.open(url("/script"));
    assertEquals("script ran", browser.text("h1"));
    noScript.open(url("/script"));
    assertEquals("no script", noScript.text("h1"));
    // the page's scripts are off, not WebDriver's: the layout check still runs, axe (a page script) cannot
    noScript.viewportWidth(320);
    noScript.assertNoHorizontalScroll();
    assertThrows(IllegalStateException.class, noScript::assertNoAccessibilityViolations);
  }

  @Test
  void aPageWiderThanAPhoneFails() {
    browser.viewportWidth(320);
    browser.open(url("/form"));
    browser.assertNoHorizontalScroll();
    browser.open(url("/wide"));
    AssertionError wide = assertThrows(AssertionError.class, browser::assertNoHorizontalScroll);
    assertTrue(wide.getMessage().contains("div#wide (right edge 608 px)"), wide.getMessage());
    browser.open(url("/desktop-only"));
    AssertionError noViewport = assertThrows(AssertionError.class, browser::assertNoHorizontalScroll);
    assertTrue(noViewport.getMessage().contains("no <meta name=\"viewport\">"), noViewport.getMessage());
  }

  @Test
  void accessibilityViolationsAreListed() {
    browser.open(url("/form"));
    browser.assertNoAccessibilityViolations();
    browser.open(url("/inaccessible"));
    AssertionError violations = assertThrows(AssertionError.class, browser::assertNoAccessibilityViolations);
    assertTrue(violations.getMessage().contains("html-has-lang") && violations.getMessage().contains("image-alt")
        && violations.getMessage().contains("[\"img\"]"), violations.getMessage());
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static void page(String path, String html) {
    server.createContext(path, exchange -> respond(exchange, "text/html", html));
  }

  private static void respond(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type + ";charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;");
  }
}
