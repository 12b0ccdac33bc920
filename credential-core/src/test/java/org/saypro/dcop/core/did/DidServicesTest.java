package org.saypro.dcop.core.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.anchor.LedgerContract;
import org.saypro.dcop.core.anchor.TransparencyLogService;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;

/** DID document services: written by the issuer, read back by verifiers; malformed entries never break a document. */
class DidServicesTest {

  private static final String DID = "did:web:issuer.example";
  private static final LedgerContract CONTRACT =
      LedgerContract.parseCaip10("eip155:31337:0x5fbdb2315678afecb367f032d93f642f64180aa3");

  @Test
  void theTransparencyLogServiceSurvivesTheRoundTrip() {
    DidDocument document =
        withKey().withServices(List.of(TransparencyLogService.of(DID, URI.create("https://issuer.example/log"), CONTRACT)));
    ObjectNode json = document.toJson();
    DidDocument read = resolved(json);
    DidService service = read.service(TransparencyLogService.TYPE).orElseThrow();
    assertEquals(DID + "#transparency-log", service.id());
    assertEquals("https://issuer.example/log", service.serviceEndpoint());
    assertEquals(CONTRACT.caip10(), service.property(TransparencyLogService.ANCHOR_PROPERTY).orElseThrow());
    assertEquals(document, read);
  }

  @Test
  void malformedServicesAreSkippedAndTheKeysStillResolve() {
    ObjectNode json = withKey().toJson();
    ArrayNode services = json.putArray("service");
    services.addObject().put("id", "#no-endpoint").put("type", "TransparencyLog");
    services.addObject().put("id", "#object-endpoint").put("type", "X").putObject("serviceEndpoint");
    services.add("not an object");
    services.addObject().put("id", "#relative").put("type", "LinkedDomains").put("serviceEndpoint", "https://x.example");
    DidDocument read = resolved(json);
    assertEquals(1, read.services().size());
    assertEquals(DID + "#relative", read.services().get(0).id(), "relative ids are resolved against the DID");
    assertEquals(1, read.verificationMethods().size());
  }

  @Test
  void atMostTwentyServicesAreRead() {
    ObjectNode json = withKey().toJson();
    ArrayNode services = json.putArray("service");
    for (int i = 0; i < 100; i++) {
      services.addObject().put("id", "#s" + i).put("type", "T").put("serviceEndpoint", "https://x.example/" + i);
    }
    assertEquals(20, resolved(json).services().size());
  }

  @Test
  void aDocumentWithoutServicesWritesNoServiceMember() {
    assertTrue(withKey().toJson().path("service").isMissingNode());
  }

  private static DidDocument withKey() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, DID);
    VerificationMethod method =
        new VerificationMethod(key.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, DID, key.publicJwk());
    return new DidDocument(DID, List.of(method), List.of(method.id()));
  }

  private static DidDocument resolved(ObjectNode json) {
    return assertInstanceOf(DidResolution.Resolved.class, DidDocumentParser.parse(DID, Json.parse(Json.writeString(json))))
        .document();
  }
}
