package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.verify.Checks;

/**
 * Another deployment verifies a credential issued under an organisation's DID: it resolves did:web:<host>:issuers:
 * <slug> over HTTP at /issuers/<slug>/did.json and reads the organisation's own status list.
 */
class OrganisationDidOverHttpIT {

  @TempDir Path issuerData;
  @TempDir Path verifierData;

  @Test
  void theOrganisationsDidDocumentResolvesFromAnotherDeployment() throws Exception {
    Map<String, Object> development = Map.of("dcop.development-mode", true, "dcop.status-cache-ttl", "1ms");
    try (TestServer issuer = TestServer.start(issuerData, TestServer.freePort(), development);
         TestServer verifier = TestServer.start(verifierData, TestServer.freePort(), development)) {
      try (Connection sql = issuer.sql();
           PreparedStatement insert = sql.prepareStatement("insert into organisation (id, slug, name, kind)"
               + " values (gen_random_uuid(), 'remote-college', 'Remote College', 'college')")) {
        insert.executeUpdate();
      }
      HttpResponse<String> enabled = issuer.postJson("/organisations/remote-college/issuing", "");
      assertEquals(200, enabled.statusCode(), enabled.body());
      String did = TestServer.json(enabled).path("did").asText();

      HttpResponse<String> issued = issuer.postJson("/credentials/issue",
          OrganisationIssuersIT.requestAs("\"" + did + "\"", "Remote learner", "{}"));
      assertEquals(201, issued.statusCode(), issued.body());
      JsonNode credential = TestServer.json(issued).path("verifiableCredential");

      JsonNode report = TestServer.json(
          verifier.postJson("/credentials/verify", TestServer.verifyRequest(credential)));
      assertEquals("passed", TestServer.status(report, Checks.SIGNATURE), report.toString());
      assertEquals("passed", TestServer.status(report, Checks.ISSUER), report.toString());
      assertEquals("passed", TestServer.status(report, Checks.STATUS), report.toString());
    }
  }
}
