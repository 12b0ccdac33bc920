package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.ledger.LocalDevChain;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/**
 * Two deployments on one chain, each with its own log and contract: deployment B verifies a credential issued by A
 * by finding A's log through A's DID document, and checking A's proofs against A's contract on the chain B reads.
 * When A's log cannot be asked, B says so and does not pass the check.
 */
class CrossDeploymentAnchorIT {

  @TempDir Path issuerData;
  @TempDir Path verifierData;

  @Test
  void aCredentialOfAnotherDeploymentIsCheckedAgainstThatDeploymentsLogAndContract() throws Exception {
    LocalDevChain chain = LocalDevChain.builder().binary(AnvilExtension.anvil()).start();
    try (chain) {
      TestServer issuer =
          TestServer.start(issuerData, TestServer.freePort(), deployment(chain, 0));
      JsonNode enveloped;
      try (TestServer verifier = TestServer.start(verifierData, TestServer.freePort(), deployment(chain, 1))) {
        try (issuer) {
          String path = AnchoringSupport.issue(issuer, "Cross-deployment graduate");
          JsonNode anchor = AnchoringSupport.awaitAnchored(issuer, path, Duration.ofSeconds(30));
          enveloped = TestServer.json(issuer.get(path, "application/json"));

          JsonNode did = TestServer.json(issuer.get("/.well-known/did.json", "application/json"));
          JsonNode service = did.path("service").path(0);
          assertEquals("TransparencyLog", service.path("type").asText(), did.toString());
          assertEquals(issuer.uri("/log").toString(), service.path("serviceEndpoint").asText());
          String contract = AnchoringSupport.contractAddress(issuerData, chain.chainId());
          assertEquals("eip155:" + chain.chainId() + ":" + contract.toLowerCase(java.util.Locale.ROOT),
              service.path("anchorContract").asText());

          JsonNode report = verify(verifier, enveloped);
          assertTrue(report.path("verified").asBoolean(), report.toString());
          assertEquals("passed", AnchoringEndToEndIT.check(report, Checks.STATUS).path("status").asText(),
              "the issuer's status list, fetched from the issuer: " + report);
          JsonNode check = AnchoringEndToEndIT.check(report, Checks.ANCHOR);
          assertEquals("passed", check.path("status").asText(), check.toString());
          String detail = check.path("detail").asText();
          assertTrue(detail.contains("the issuer's transparency log " + issuer.uri("/log")), detail);
          assertTrue(detail.contains(anchor.path("transactionHash").asText()), detail);
          assertTrue(detail.contains(contract.toLowerCase(java.util.Locale.ROOT)), detail);
          assertEquals(0, AnchoringSupport.queryLong(verifier, "select count(*) from log_entry"),
              "the verifying deployment's own log is not involved");

          JsonNode evidence = TestServer.json(issuer.get(
              "/log/evidence?data=" + "00".repeat(32), "application/json"));
          assertEquals("https://dcop.saypro.org/problems/not-found", evidence.path("type").asText(), evidence.toString());
        }
        // the issuer is gone; its DID document is still cached by the verifier, its log and lists cannot be asked
        JsonNode report = verify(verifier, enveloped);
        JsonNode check = AnchoringEndToEndIT.check(report, Checks.ANCHOR);
        assertEquals("skipped", check.path("status").asText(), check.toString());
        assertTrue(check.path("detail").asText().contains("could not be asked"), check.toString());
        JsonNode status = AnchoringEndToEndIT.check(report, Checks.STATUS);
        assertEquals("indeterminate", status.path("status").asText(), status.toString());
        assertFalse(report.path("verified").asBoolean(), "an unreadable status is never verified: " + report);
      }
    }
  }

  private static Map<String, Object> deployment(LocalDevChain chain, int account) {
    Map<String, Object> properties = AnchoringSupport.ledgerProperties(chain, "300ms", 256);
    properties.put("dcop.ledger.private-key", chain.devPrivateKey(account));
    // did:web over plain http on localhost, which only development mode allows
    properties.put("dcop.development-mode", true);
    // status lists of other deployments are not reused, so an unreachable issuer shows at once
    properties.put("dcop.status-cache-ttl", "1ms");
    return properties;
  }

  private static JsonNode verify(TestServer verifier, JsonNode enveloped) {
    return TestServer.json(verifier.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
  }
}
