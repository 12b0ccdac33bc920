package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.verify.Checks;

/**
 * What an employer sees after an officer acts: a revoked credential verifies false with the status check failed
 * and the time of revocation; a suspended one fails until the suspension is lifted, then passes again. Both
 * securing forms are checked, since each carries the same status entries.
 */
class RevocationVerifyIT {

  @TempDir static Path dataDir;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aRevokedCredentialNoLongerVerifies() {
    String path = issue("Revoked graduate", "{}");
    JsonNode before = verify(path);
    assertTrue(before.path("verified").asBoolean(), before.toString());
    assertEquals("passed", TestServer.status(before, Checks.STATUS));
    assertEquals("not revoked; not suspended (per the issuer's signed status lists)", detail(before, Checks.STATUS));

    change(path, "revoke", "certificate obtained by fraud");
    JsonNode after = verify(path);
    assertFalse(after.path("verified").asBoolean(), after.toString());
    assertEquals("failed", TestServer.status(after, Checks.STATUS));
    assertTrue(detail(after, Checks.STATUS).startsWith("revoked since "), detail(after, Checks.STATUS));
    assertTrue(detail(after, Checks.STATUS).contains("transparency log"), detail(after, Checks.STATUS));
    JsonNode problem = after.path("problemDetails").path(0);
    assertEquals("https://www.w3.org/TR/vc-bitstring-status-list/#STATUS_VERIFICATION_ERROR",
        problem.path("type").asText(), after.toString());
  }

  @Test
  void aSuspensionFailsVerificationUntilItIsLifted() {
    String path = issue("Suspended graduate", "{\"cryptosuite\": \"eddsa-rdfc-2022\"}");
    change(path, "suspend", "under review by the accreditation body");
    JsonNode suspended = verify(path);
    assertFalse(suspended.path("verified").asBoolean(), suspended.toString());
    assertEquals("failed", TestServer.status(suspended, Checks.STATUS));
    assertTrue(detail(suspended, Checks.STATUS).startsWith("suspended since "), detail(suspended, Checks.STATUS));

    change(path, "reinstate", "review closed: no finding");
    JsonNode lifted = verify(path);
    assertTrue(lifted.path("verified").asBoolean(), lifted.toString());
    assertEquals("passed", TestServer.status(lifted, Checks.STATUS));
  }

  private static String issue(String name, String options) {
    String request = server.issueRequest(name).replace("\"options\": {}", "\"options\": " + options);
    HttpResponse<String> issued = server.postJson("/credentials/issue", request);
    assertEquals(201, issued.statusCode(), issued.body());
    String location = issued.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("/credentials/"));
  }

  private static void change(String path, String action, String reason) {
    HttpResponse<String> changed = server.postJson(path + "/status",
        "{\"action\": \"" + action + "\", \"reason\": \"" + reason + "\"}");
    assertEquals(200, changed.statusCode(), changed.body());
  }

  private static JsonNode verify(String path) {
    JsonNode credential = TestServer.json(server.get(path, "application/json"));
    HttpResponse<String> response = server.postJson("/credentials/verify", TestServer.verifyRequest(credential));
    assertEquals(200, response.statusCode(), response.body());
    return TestServer.json(response);
  }

  private static String detail(JsonNode report, String check) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("check").asText().equals(check)) {
        return c.get("detail").asText();
      }
    }
    throw new AssertionError("no check " + check + " in " + report);
  }
}
