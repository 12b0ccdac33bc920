package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.dataintegrity.Cryptosuite;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.dataintegrity.ProofOptions;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;

/** A learner's wallet (a did:key) presents credentials issued here; the server verifies holder, challenge, domain. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresentationsIT {

  private static final String DOMAIN = "employer.example";
  private static final DataIntegrity DATA_INTEGRITY = new DataIntegrity(RdfCanonicalizer.bundled());

  @TempDir static Path dataDir;
  private TestServer server;
  private final SigningKey holder = SigningKey.generateDidKey(KeyAlgorithm.ED25519);
  private final SigningKey stranger = SigningKey.generateDidKey(KeyAlgorithm.ED25519);

  @BeforeAll
  void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode credentialAbout(String subject, String options) {
    String request =
        server.issueRequest("Thandi").replace("did:example:learner-1", subject).replace("\"options\": {}",
            "\"options\": " + options);
    HttpResponse<String> issued = server.postJson("/credentials/issue", request);
    assertEquals(201, issued.statusCode(), issued.body());
    return TestServer.json(issued).get("verifiableCredential");
  }

  private ObjectNode presentation(String holderDid, JsonNode... credentials) {
    ObjectNode vp = Json.newObject();
    vp.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vp.putArray("type").add("VerifiablePresentation");
    vp.put("holder", holderDid);
    var list = vp.putArray("verifiableCredential");
    for (JsonNode credential : credentials) {
      list.add(credential);
    }
    return vp;
  }

  private static ObjectNode signed(ObjectNode vp, SigningKey key, String challenge, String domain) throws Exception {
    return DATA_INTEGRITY.sign(
        vp, key,
        new ProofOptions(
            Cryptosuite.EDDSA_RDFC_2022, key.multikeyVerificationMethodId(), ProofOptions.AUTHENTICATION,
            Instant.now(), Optional.ofNullable(challenge), Optional.ofNullable(domain)));
  }

  private String challenge() {
    HttpResponse<String> response = server.postJson("/challenges", "{}");
    assertEquals(201, response.statusCode(), response.body());
    return TestServer.json(response).get("challenge").asText();
  }

  private JsonNode verify(JsonNode presentation, String challenge, String domain) {
    ObjectNode body = Json.newObject();
    body.set("verifiablePresentation", presentation);
    ObjectNode options = body.putObject("options");
    if (challenge != null) {
      options.put("challenge", challenge);
    }
    if (domain != null) {
      options.put("domain", domain);
    }
    HttpResponse<String> response = server.postJson("/presentations/verify", Json.writeString(body));
    assertEquals(200, response.statusCode(), response.body());
    return TestServer.json(response);
  }

  @Test
  void aDataIntegrityPresentationWithChallengeAndDomainVerifies() throws Exception {
    String did = holder.controller();
    ObjectNode vp =
        presentation(did, credentialAbout(did, "{}"), credentialAbout(did, "{\"cryptosuite\": \"eddsa-rdfc-2022\"}"));
    String challenge = challenge();
    JsonNode report = verify(signed(vp, holder, challenge, DOMAIN), challenge, DOMAIN);
    assertTrue(report.get("verified").asBoolean(), report.toString());
    for (String check : new String[] {"format", "signature", "challenge", "holder"}) {
      assertEquals("passed", TestServer.status(report, check), check);
    }
    assertEquals(2, report.get("credentials").size());
    assertTrue(report.get("credentials").get(1).get("verified").asBoolean());
  }

  @Test
  void aChallengeIsAcceptedOnce() throws Exception {
    String did = holder.controller();
    String challenge = challenge();
    ObjectNode vp = signed(presentation(did, credentialAbout(did, "{}")), holder, challenge, DOMAIN);
    assertTrue(verify(vp, challenge, DOMAIN).get("verified").asBoolean());
    JsonNode replay = verify(vp, challenge, DOMAIN);
    assertFalse(replay.get("verified").asBoolean());
    assertEquals("failed", TestServer.status(replay, "challenge"));
    assertTrue(replay.toString().contains("already used"));
  }

  @Test
  void theWrongChallengeOrDomainFailsTheChallengeCheck() throws Exception {
    String did = holder.controller();
    JsonNode credential = credentialAbout(did, "{}");
    String requested = challenge();
    JsonNode wrongChallenge = verify(signed(presentation(did, credential), holder, challenge(), DOMAIN), requested, DOMAIN);
    assertEquals("failed", TestServer.status(wrongChallenge, "challenge"));
    assertEquals("passed", TestServer.status(wrongChallenge, "signature"));

    String another = challenge();
    JsonNode wrongDomain =
        verify(signed(presentation(did, credential), holder, another, "attacker.example"), another, DOMAIN);
    assertEquals("failed", TestServer.status(wrongDomain, "challenge"));
    assertFalse(wrongDomain.get("verified").asBoolean());

    JsonNode unknown = verify(signed(presentation(did, credential), holder, "made-up", DOMAIN), "made-up", DOMAIN);
    assertEquals("failed", TestServer.status(unknown, "challenge"));
    assertTrue(unknown.toString().contains("not issued here"));
  }

  @Test
  void aHolderWhoIsNotTheSubjectFailsTheHolderCheck() throws Exception {
    JsonNode aboutSomeoneElse = credentialAbout(stranger.controller(), "{}");
    String challenge = challenge();
    JsonNode report =
        verify(signed(presentation(holder.controller(), aboutSomeoneElse), holder, challenge, DOMAIN), challenge, DOMAIN);
    assertFalse(report.get("verified").asBoolean());
    assertEquals("failed", TestServer.status(report, "holder"));
    assertTrue(report.get("credentials").get(0).get("verified").asBoolean(), "the credential itself is fine");

    String next = challenge();
    JsonNode signedByStranger =
        verify(signed(presentation(holder.controller(), credentialAbout(holder.controller(), "{}")), stranger, next,
            DOMAIN), next, DOMAIN);
    assertEquals("failed", TestServer.status(signedByStranger, "holder"));
  }

  @Test
  void anUnsignedPresentationVerifiesItsCredentialsAndSkipsTheHolder() {
    String did = holder.controller();
    JsonNode report = verify(presentation(did, credentialAbout(did, "{}")), null, null);
    assertEquals("skipped", TestServer.status(report, "holder"));
    assertEquals("skipped", TestServer.status(report, "signature"));
    assertTrue(report.get("credentials").get(0).get("verified").asBoolean());
    assertTrue(report.get("verified").asBoolean(), "no presentation check failed and every credential verified");

    String challenge = challenge();
    JsonNode challenged = verify(presentation(did, credentialAbout(did, "{}")), challenge, null);
    assertEquals("failed", TestServer.status(challenged, "challenge"));
  }

  @Test
  void anEnvelopedVpJwtWithNonceAndAudienceVerifies() throws Exception {
    String did = holder.controller();
    ObjectNode vp = presentation(did, credentialAbout(did, "{}"));
    String challenge = challenge();
    vp.put("nonce", challenge);
    vp.put("aud", DOMAIN);
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("vp+jwt"))
                .keyID(holder.multikeyVerificationMethodId()).build(),
            new Payload(Json.write(vp)));
    jws.sign(holder.signer());
    ObjectNode enveloped = Json.newObject();
    enveloped.put("@context", "https://www.w3.org/ns/credentials/v2");
    enveloped.put("type", "EnvelopedVerifiablePresentation");
    enveloped.put("id", "data:application/vp+jwt," + jws.serialize());
    JsonNode report = verify(enveloped, challenge, DOMAIN);
    assertTrue(report.get("verified").asBoolean(), report.toString());
  }

  @Test
  void notAPresentationIsAProblem() {
    HttpResponse<String> response = server.postJson("/presentations/verify", "{\"verifiablePresentation\": 7}");
    assertEquals(400, response.statusCode());
    assertEquals(
        "https://dcop.saypro.org/problems/not-a-presentation", TestServer.json(response).get("type").asText());
    HttpResponse<String> badOptions =
        server.postJson("/presentations/verify", "{\"verifiablePresentation\": \"a.b.c\", \"options\": {\"x\": 1}}");
    assertEquals(400, badOptions.statusCode());
    assertTrue(badOptions.body().contains("/options/x"));
  }
}
