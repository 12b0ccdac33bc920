package org.saypro.dcop.core.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.TestCredentials;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.model.Credential;

/** RFC 8037 Appendix A (Ed25519 in JOSE) against our Bouncy Castle signer and verifier, and jose4j on our tokens. */
class Rfc8037VectorsTest {

  // A.1
  static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
  static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
  // A.3
  static final String THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
  // A.4
  static final String HEADER = "{\"alg\":\"EdDSA\"}";
  static final String PAYLOAD = "Example of Ed25519 signing";
  static final String SIGNATURE =
      "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
  static final String COMPACT =
      "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc." + SIGNATURE;
  static final String SIGNING_INPUT = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";

  private static byte[] seed() {
    return new Base64URL(D).decode();
  }

  private static OctetKeyPair publicJwk() {
    return new OctetKeyPair.Builder(Curve.Ed25519, new Base64URL(X)).build();
  }

  @Test
  void theSigningInputIsTheRfcsHeaderAndPayload() {
    assertEquals(
        SIGNING_INPUT,
        b64(HEADER.getBytes(StandardCharsets.UTF_8)) + "." + b64(PAYLOAD.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void privateKeyDerivesThePublicKey() {
    byte[] x = new Ed25519PrivateKeyParameters(seed(), 0).generatePublicKey().getEncoded();
    assertEquals(X, b64(x));
  }

  @Test
  void signerProducesExactlyTheRfcSignature() throws JOSEException {
    BouncyCastleEd25519Signer signer = new BouncyCastleEd25519Signer(new Ed25519PrivateKeyParameters(seed(), 0));
    Base64URL signature =
        signer.sign(new JWSHeader(JWSAlgorithm.EdDSA), SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII));
    assertEquals(SIGNATURE, signature.toString());
  }

  @Test
  void signingTheRfcJwsThroughNimbusGivesTheRfcCompactSerialisation() throws Exception {
    JWSObject parsed = JWSObject.parse(COMPACT);
    JWSObject jws = new JWSObject(parsed.getHeader(), new Payload(PAYLOAD));
    jws.sign(new BouncyCastleEd25519Signer(new Ed25519PrivateKeyParameters(seed(), 0)));
    assertEquals(COMPACT, jws.serialize());
  }

  @Test
  void verifierAcceptsTheRfcSignature() throws Exception {
    BouncyCastleEd25519Verifier verifier = new BouncyCastleEd25519Verifier(publicJwk());
    assertTrue(verifier.verify(SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII), new Base64URL(SIGNATURE).decode()));
    assertTrue(JWSObject.parse(COMPACT).verify(verifier));
  }

  @Test
  void verifierRejectsAModifiedSignature() {
    BouncyCastleEd25519Verifier verifier = new BouncyCastleEd25519Verifier(publicJwk());
    byte[] input = SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII);
    for (int bit : new int[] {0, 255, 256, 511}) {
      byte[] signature = new Base64URL(SIGNATURE).decode();
      signature[bit / 8] ^= (byte) (1 << (bit % 8));
      assertFalse(verifier.verify(input, signature), "signature with bit " + bit + " flipped");
    }
  }

  @Test
  void verifierRejectsAModifiedPayloadAndWrongSignatureLengths() {
    BouncyCastleEd25519Verifier verifier = new BouncyCastleEd25519Verifier(publicJwk());
    byte[] signature = new Base64URL(SIGNATURE).decode();
    byte[] other = (SIGNING_INPUT.substring(0, SIGNING_INPUT.length() - 1) + "h").getBytes(StandardCharsets.US_ASCII);
    assertFalse(verifier.verify(other, signature));
    byte[] input = SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII);
    assertFalse(verifier.verify(input, java.util.Arrays.copyOf(signature, 63)));
    assertFalse(verifier.verify(input, java.util.Arrays.copyOf(signature, 65)));
    assertFalse(verifier.verify(input, new byte[0]));
  }

  @Test
  void verifierRefusesAHeaderWithAnotherAlgorithm() {
    BouncyCastleEd25519Verifier verifier = new BouncyCastleEd25519Verifier(publicJwk());
    byte[] input = SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII);
    assertFalse(verifier.verify(new JWSHeader(JWSAlgorithm.HS256), input, new Base64URL(SIGNATURE)));
    assertFalse(verifier.verify(null, input, new Base64URL(SIGNATURE)));
    assertTrue(verifier.verify(new JWSHeader(JWSAlgorithm.Ed25519), input, new Base64URL(SIGNATURE)));
  }

  @Test
  void signerRefusesOtherAlgorithms() {
    BouncyCastleEd25519Signer signer = new BouncyCastleEd25519Signer(new Ed25519PrivateKeyParameters(seed(), 0));
    assertThrows(JOSEException.class, () -> signer.sign(new JWSHeader(JWSAlgorithm.ES256), new byte[] {1}));
  }

  @Test
  void verifierRefusesKeysOfOtherCurves() {
    OctetKeyPair x25519 = new OctetKeyPair.Builder(Curve.X25519, new Base64URL(X)).build();
    assertThrows(IllegalArgumentException.class, () -> new BouncyCastleEd25519Verifier(x25519));
  }

  @Test
  void restoredSigningKeyIsNamedByTheRfcThumbprint() throws Exception {
    String did = "did:web:issuer.example";
    SigningKey key = SigningKey.restore(KeyAlgorithm.ED25519, did, seed());
    assertEquals(did + "#" + THUMBPRINT, key.verificationMethodId());
    assertEquals(did, key.controller());
    assertEquals(THUMBPRINT, key.publicJwk().computeThumbprint().toString());
    assertEquals(X, key.publicJwk().toOctetKeyPair().getX().toString());
    assertFalse(key.publicJwk().isPrivate());
    assertEquals(SIGNATURE, key.signer().sign(new JWSHeader(JWSAlgorithm.EdDSA),
        SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII)).toString());
  }

  @Test
  void jose4jVerifiesTheRfcJws() throws Exception {
    JsonWebSignature jws = jose4j(COMPACT, Json.writeString(Json.parse(publicJwk().toJSONString())),
        AlgorithmIdentifiers.EDDSA);
    assertTrue(jws.verifySignature());
    assertEquals(PAYLOAD, jws.getPayload());
  }

  @Test
  void jose4jVerifiesOurEd25519VcJwtWithOnlyThePublicJwk() throws Exception {
    SigningKey key = SigningKey.restore(KeyAlgorithm.ED25519, "did:web:issuer.example", seed());
    assertJose4jVerifies(key, AlgorithmIdentifiers.EDDSA);
  }

  @Test
  void jose4jVerifiesOurEs256VcJwtWithOnlyThePublicJwk() throws Exception {
    SigningKey key = SigningKey.generate(KeyAlgorithm.P256, "did:web:issuer.example");
    assertJose4jVerifies(key, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
  }

  private static void assertJose4jVerifies(SigningKey key, String algorithm) throws Exception {
    Credential credential = TestCredentials.valid(TestCredentials.example(key.controller()));
    String token = VcJwtSigner.sign(credential, key);
    String publicJwk = key.publicJwk().toJSONString();
    assertFalse(publicJwk.contains("\"d\""), "only the public key is given to jose4j");

    JsonWebSignature jws = jose4j(token, publicJwk, algorithm);
    assertTrue(jws.verifySignature(), "jose4j rejects our token");
    assertEquals("vc+jwt", jws.getHeader("typ"));
    assertEquals("vc", jws.getHeader("cty"));
    assertEquals(key.verificationMethodId(), jws.getKeyIdHeaderValue());
    JsonNode payload = Json.parse(jws.getPayload());
    assertEquals(credential.json(), payload);

    String[] parts = token.split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[10] ^= 1;
    String tampered = parts[0] + "." + parts[1] + "." + b64(signature);
    assertFalse(jose4j(tampered, publicJwk, algorithm).verifySignature(), "jose4j accepts a tampered signature");
  }

  private static JsonWebSignature jose4j(String compact, String publicJwkJson, String algorithm) throws Exception {
    PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicJwkJson);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm));
    jws.setCompactSerialization(compact);
    jws.setKey(jwk.getKey());
    return jws;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
