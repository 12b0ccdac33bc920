package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saypro.dcop.app.browser.HeadlessChromium;

/**
 * The issuer profile page as people see it: in a real browser, on a phone-sized screen, without JavaScript, and
 * checked for accessibility. SayPro is seeded; a college with a website and its own keys, one of them revoked, shows
 * the rest of the page.
 */
class IssuerProfilePageBrowserIT {

  @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();
  @RegisterExtension static final HeadlessChromium noScript = HeadlessChromium.withoutJavaScript();
  @TempDir static Path dataDir;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    HttpResponse<String> created = server.postJson("/organisations", """
        {"slug": "acme-college", "name": "Acme College of Early Childhood Development", "kind": "college",
         "description": "Trains early childhood development practitioners in Gauteng.",
         "website": "https://acme-college.example.org/about/accreditation"}""");
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> enabled = server.postJson("/organisations/acme-college/issuing", "");
    assertEquals(200, enabled.statusCode(), enabled.body());
    String method = TestServer.json(enabled).path("keys").path(0).path("verificationMethod").asText();
    HttpResponse<String> revoked = server.postJson(
        "/organisations/acme-college/keys/" + method.substring(method.indexOf('#') + 1) + "/revoke",
        "{\"revoked\": \"2026-03-01T12:00:00Z\"}");
    assertEquals(200, revoked.statusCode(), revoked.body());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void showsTheOrganisationsNameAndDid() {
    browser.open(server.uri("/issuers/saypro"));
    assertEquals("SayPro - issuer profile", browser.title());
    assertEquals("SayPro", browser.text("h1"));
    String page = browser.text("main");
    assertTrue(page.contains("DID\n" + server.issuerDid()), page);
    assertTrue(page.contains("SayPro and its Digital Community of Practice"), page);
  }

  @Test
  void showsWhenAKeyWasRevoked() {
    browser.open(server.uri("/issuers/acme-college"));
    String keys = browser.text(".keys");
    assertTrue(keys.contains("revoked on 2026-03-01 12:00 UTC: what it signed is no longer accepted"), keys);
  }

  @Test
  void worksWithoutJavaScript() {
    noScript.open(server.uri("/issuers/saypro"));
    assertEquals("SayPro", noScript.text("h1"));
    assertTrue(noScript.text("main").contains(server.issuerDid()), noScript.text("main"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"saypro", "acme-college"})
  void isReadableOnA320PixelScreen(String slug) {
    browser.viewportWidth(320);
    browser.open(server.uri("/issuers/" + slug));
    browser.assertNoHorizontalScroll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"saypro", "acme-college"})
  void hasNoAccessibilityViolations(String slug) {
    browser.open(server.uri("/issuers/" + slug));
    browser.assertNoAccessibilityViolations();
    browser.viewportWidth(320);
    browser.assertNoAccessibilityViolations();
  }
}
