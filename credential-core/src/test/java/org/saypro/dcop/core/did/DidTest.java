package org.saypro.dcop.core.did;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;

class DidTest {

  // ---- did:web -------------------------------------------------------------------------------------------------

  @Test
  void didWebOfLocalhostWithAPortEncodesTheColon() {
    String did = DidWeb.fromUrl(URI.create("http://localhost:8080"));
    assertEquals("did:web:localhost%3A8080", did);
    assertEquals(URI.create("http://localhost:8080/.well-known/did.json"), DidWeb.documentUrl(did, true));
    assertEquals(URI.create("https://localhost:8080/.well-known/did.json"), DidWeb.documentUrl(did, false));
  }

  @Test
  void didWebWithAPathMapsSegmentsToColons() {
    String did = DidWeb.fromUrl(URI.create("https://example.org:8443/issuers/a/"));
    assertEquals("did:web:example.org%3A8443:issuers:a", did);
    assertEquals(URI.create("https://example.org:8443/issuers/a/did.json"), DidWeb.documentUrl(did, false));
  }

  @Test
  void didWebSpecExamples() {
    assertEquals(URI.create("https://w3c-ccg.github.io/.well-known/did.json"),
        DidWeb.documentUrl("did:web:w3c-ccg.github.io", false));
    assertEquals(URI.create("https://w3c-ccg.github.io/user/alice/did.json"),
        DidWeb.documentUrl("did:web:w3c-ccg.github.io:user:alice", false));
    assertEquals("did:web:w3c-ccg.github.io:user:alice", DidWeb.fromUrl(URI.create("https://w3c-ccg.github.io/user/alice")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
      "did:web:example.org#key-1",
      "did:web:example.org?service=x",
      "did:web:example.org::a",
      "did:web:attacker.example%40example.org",
      "did:web:example.org:..:admin",
      "did:web:example.org:a%2F..%2F..%2Fadmin"})
  void didWebRefusesWhatIsNotAPlainHostAndPath(String did) {
    assertThrows(IllegalArgumentException.class, () -> DidWeb.documentUrl(did, false));
  }

  @Test
  void didWebNeedsAHost() {
    assertThrows(IllegalArgumentException.class, () -> DidWeb.fromUrl(URI.create("file:///etc/passwd")));
  }

  // ---- did:key -------------------------------------------------------------------------------------------------

  /** The first Ed25519 vector of the W3C CCG did:key test suite (seed of 32 zero bytes). */
  private static final String DID_KEY_ED25519 = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
  private static final String DID_KEY_ED25519_BASE58 = "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS";

  @Test
  void didKeyEd25519ResolvesToTheEd25519Key() {
    DidDocument document = resolved(new DidKeyResolver().resolve(DID_KEY_ED25519));
    String fragment = DID_KEY_ED25519.substring("did:key:".length());
    String methodId = DID_KEY_ED25519 + "#" + fragment;

    assertEquals(DID_KEY_ED25519, document.id());
    VerificationMethod method = document.method(methodId).orElseThrow();
    assertEquals(VerificationMethod.MULTIKEY, method.type());
    assertEquals(DID_KEY_ED25519, method.controller());
    assertTrue(document.mayAssert(methodId));
    OctetKeyPair key = assertInstanceOf(OctetKeyPair.class, method.publicKey());
    assertEquals(Curve.Ed25519, key.getCurve());
    assertArrayEquals(Base58.decode(DID_KEY_ED25519_BASE58), key.getDecodedX(), "the test vector's publicKeyBase58");
  }

  @Test
  void didKeyEd25519IsTheKeyOfTheZeroSeed() {
    SigningKey zeroSeed = SigningKey.restore(KeyAlgorithm.ED25519, "did:example:x", new byte[32]);
    byte[] x = zeroSeed.publicJwk().toOctetKeyPair().getDecodedX();
    assertEquals(DID_KEY_ED25519, "did:key:" + Multikey.ed25519(x));
  }

  @ParameterizedTest
  @CsvSource({
      "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169, fyNYMN0976ci7xqiSdag3buk-ZCwgXU4kz9XNkBlNUI, hW2ojTNfH7Jbi8--CJUo3OCbH3y5n91g-IMA9MLMbTU",
      "did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv, igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns, efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM"})
  void didKeyP256ResolvesToTheP256Key(String did, String x, String y) {
    DidDocument document = resolved(new DidKeyResolver().resolve(did));
    String methodId = did + "#" + did.substring("did:key:".length());
    ECKey key = assertInstanceOf(ECKey.class, document.method(methodId).orElseThrow().publicKey());
    assertEquals(Curve.P_256, key.getCurve());
    assertEquals(x, key.getX().toString());
    assertEquals(y, key.getY().toString());
    assertTrue(document.mayAssert(methodId));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW",
      "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp0",
      "did:key:",
      "did:jwk:eyJ9"})
  void malformedDidKeysAreUnresolvable(String did) {
    assertInstanceOf(DidResolution.Unresolvable.class, new DidKeyResolver().resolve(did));
  }

  // ---- multikey ------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
      // secp256k1-pub (0xe7), W3C did:key test vector
      "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme, secp256k1",
      // x25519-pub (0xec), the key agreement key of the first Ed25519 did:key test vector
      "z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW, X25519",
      // p384-pub (0x1201), W3C did:key test vector
      "z82Lm1MpAkeJcix9K8TMiLd5NMAhnwkjjCBeWHXyu3U4oT2MVJJKXkcVBgjGhnLBn2Kaau9, P-384"})
  void multikeyRejectsUnknownCodecs(String multibase, String what) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Multikey.toJwk(multibase), what);
    assertTrue(e.getMessage().contains("unsupported multikey"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"uAe0B", "mO0B", "", "z0OIl"})
  void multikeyRejectsOtherMultibasesAndNonBase58(String multibase) {
    assertThrows(IllegalArgumentException.class, () -> Multikey.toJwk(multibase));
  }

  @Test
  void multikeyRejectsAP256PointNotOnTheCurve() {
    byte[] bytes = new byte[35];
    bytes[0] = (byte) 0x80;
    bytes[1] = 0x24;
    bytes[2] = 0x02;
    bytes[34] = 1; // x = 1: x^3 - 3x + b is not a square modulo p, so no point on P-256 has this x
    String multibase = "z" + Base58.encode(bytes);
    assertTrue(multibase.startsWith("zDn"), multibase);
    assertThrows(IllegalArgumentException.class, () -> Multikey.toJwk(multibase));
    assertInstanceOf(DidResolution.Unresolvable.class, new DidKeyResolver().resolve("did:key:" + multibase));
  }

  @Test
  void base58RoundTripsLeadingZeros() {
    byte[] data = HexFormat.of().parseHex("0000ed01ff00");
    assertEquals("11", Base58.encode(data).substring(0, 2));
    assertArrayEquals(data, Base58.decode(Base58.encode(data)));
  }

  // ---- did:jwk -------------------------------------------------------------------------------------------------

  @Test
  void didJwkRoundTrips() {
    for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
      JWK publicKey = SigningKey.generate(algorithm, "did:example:x").publicJwk();
      String did = DidJwkResolver.didFor(publicKey);

      DidDocument document = resolved(new DidJwkResolver().resolve(did));

      assertTrue(did.startsWith("did:jwk:ey"), did);
      assertEquals(did, document.id());
      assertEquals(publicKey, document.method(did + "#0").orElseThrow().publicKey());
      assertTrue(document.mayAssert(did + "#0"));
    }
  }

  @Test
  void didJwkSpecP256Example() {
    String did = "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9";
    ECKey key = assertInstanceOf(ECKey.class,
        resolved(new DidJwkResolver().resolve(did)).method(did + "#0").orElseThrow().publicKey());
    assertEquals("acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0", key.getX().toString());
  }

  @Test
  void didJwkWithAPrivateKeyIsRefused() {
    JWK privateJwk = new OctetKeyPair.Builder(Curve.Ed25519,
        new com.nimbusds.jose.util.Base64URL("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"))
        .d(new com.nimbusds.jose.util.Base64URL("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"))
        .build();
    String did = "did:jwk:" + com.nimbusds.jose.util.Base64URL.encode(privateJwk.toJSONString());
    DidResolution.Unresolvable unresolvable =
        assertInstanceOf(DidResolution.Unresolvable.class, new DidJwkResolver().resolve(did));
    assertTrue(unresolvable.reason().contains("private"), unresolvable.reason());
  }

  @Test
  void didJwkThatIsNotAJwkIsUnresolvable() {
    assertInstanceOf(DidResolution.Unresolvable.class, new DidJwkResolver().resolve("did:jwk:bm90IGEgandr"));
    assertInstanceOf(DidResolution.Unresolvable.class, new DidJwkResolver().resolve("did:key:z6Mk"));
  }

  // ---- routing and DID URLs ------------------------------------------------------------------------------------

  @Test
  void methodRoutingResolvesOnlyWhatItKnows() {
    MethodRoutingResolver resolver = MethodRoutingResolver.pureMethodsAnd(Map.of());
    resolved(resolver.resolve(DID_KEY_ED25519));
    assertTrue(reason(resolver.resolve("did:web:example.org")).contains("'web' is not supported"));
    assertTrue(reason(resolver.resolve(DID_KEY_ED25519 + "#x")).contains("not a DID"));
    assertTrue(reason(resolver.resolve("https://example.org/keys/1")).contains("key documents at URLs are not resolved"));
    assertTrue(reason(resolver.resolve("ftp://example.org")).contains("not a DID"));
  }

  @Test
  void didUrlsSplitIntoDidAndFragment() {
    DidUrl url = DidUrl.parse("did:web:example.org%3A8443:a#key-1").orElseThrow();
    assertEquals("did:web:example.org%3A8443:a", url.did());
    assertEquals("web", url.method());
    assertEquals("key-1", url.fragment());
    assertEquals(Optional.empty(), DidUrl.parse("did:Web:example.org"));
    assertEquals(Optional.empty(), DidUrl.parse("did:web:exa mple.org"));
    assertEquals(Optional.empty(), DidUrl.parse("#key-1"));
    assertTrue(DidUrl.isDid("did:web:example.org"));
    assertFalse(DidUrl.isDid("did:web:example.org#"));
  }

  // ---- DID documents -------------------------------------------------------------------------------------------

  private static final String DID = "did:web:issuer.example";

  private static ObjectNode document(String id) {
    return (ObjectNode) Json.parse("""
        {
          "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
          "id": "%s",
          "verificationMethod": [{
            "id": "#key-1",
            "type": "Multikey",
            "controller": "%s",
            "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
          }, {
            "id": "%s#key-2",
            "type": "JsonWebKey",
            "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
          }],
          "assertionMethod": ["#key-1"]
        }
        """.formatted(id, id, id));
  }

  @Test
  void didDocumentParserReadsRelativeIdsAndBothKeyForms() {
    DidDocument document = resolved(DidDocumentParser.parse(DID, document(DID)));

    assertEquals(List.of(DID + "#key-1", DID + "#key-2"),
        document.verificationMethods().stream().map(VerificationMethod::id).toList());
    assertTrue(document.mayAssert(DID + "#key-1"));
    assertFalse(document.mayAssert(DID + "#key-2"), "key-2 is not an assertion method");
    assertEquals("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
        document.method(DID + "#key-2").orElseThrow().publicKey().toOctetKeyPair().getX().toString());
    assertEquals(DID, document.method(DID + "#key-2").orElseThrow().controller());
  }

  @Test
  void didDocumentParserRejectsADocumentOfAnotherDid() {
    DidResolution.Unresolvable unresolvable = assertInstanceOf(DidResolution.Unresolvable.class,
        DidDocumentParser.parse(DID, document("did:web:attacker.example")));
    assertTrue(unresolvable.reason().contains("did:web:attacker.example"), unresolvable.reason());
    assertEquals(DID, unresolvable.did());
  }

  @Test
  void didDocumentParserRejectsAMethodUnderAnotherDid() {
    ObjectNode json = document(DID);
    ((ObjectNode) json.get("verificationMethod").get(1)).put("id", "did:web:attacker.example#key-2");
    assertInstanceOf(DidResolution.Unresolvable.class, DidDocumentParser.parse(DID, json));
  }

  @Test
  void didDocumentParserRejectsPrivateKeysAndMissingKeys() {
    ObjectNode withPrivate = document(DID);
    ((ObjectNode) withPrivate.get("verificationMethod").get(1).get("publicKeyJwk"))
        .put("d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
    assertInstanceOf(DidResolution.Unresolvable.class, DidDocumentParser.parse(DID, withPrivate));

    ObjectNode withoutKey = document(DID);
    ((ObjectNode) withoutKey.get("verificationMethod").get(1)).remove("publicKeyJwk");
    assertTrue(reason(DidDocumentParser.parse(DID, withoutKey)).contains("no supported public key"));

    assertInstanceOf(DidResolution.Unresolvable.class, DidDocumentParser.parse(DID, Json.parse("[]")));
  }

  @Test
  void didDocumentsServeTheirKeysAsPublicJwks() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, DID);
    DidDocument document = new DidDocument(DID,
        List.of(new VerificationMethod(key.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, DID, key.publicJwk())),
        List.of(key.verificationMethodId()));

    ObjectNode json = document.toJson();

    assertEquals(document, resolved(DidDocumentParser.parse(DID, json)));
    assertFalse(json.toString().contains("\"d\""));
  }

  private static DidDocument resolved(DidResolution resolution) {
    if (resolution instanceof DidResolution.Unresolvable unresolvable) {
      throw new AssertionError("unresolvable: " + unresolvable.reason());
    }
    return ((DidResolution.Resolved) resolution).document();
  }

  private static String reason(DidResolution resolution) {
    return assertInstanceOf(DidResolution.Unresolvable.class, resolution).reason();
  }
}
