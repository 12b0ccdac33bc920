package org.saypro.dcop.core.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saypro.dcop.core.dataintegrity.SpecVectors.Suite;
import org.saypro.dcop.core.did.Multibase;
import org.saypro.dcop.core.did.Multikey;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.RawSignatures;
import org.saypro.dcop.core.keys.SigningKey;

/**
 * The W3C specification test vectors of VC-DI-EdDSA (eddsa-rdfc-2022) and VC-DI-ECDSA (ecdsa-rdfc-2019, P-256),
 * byte for byte: canonical N-Quads, hashes, the signed data, signatures and the signed documents.
 */
class DataIntegritySpecVectorsTest {

  private static final Instant CREATED = Instant.parse("2023-02-24T23:36:38Z");

  private final RdfCanonicalizer canonicalizer = RdfCanonicalizer.bundled();
  private final DataIntegrity dataIntegrity = new DataIntegrity(canonicalizer);

  // ---- the copies are the specification's bytes ------------------------------------------------------------------

  @Test
  void everyVectorFileHasTheDigestListedInTheReadme() {
    Pattern row = Pattern.compile(
        "^\\| ((?:eddsa|ecdsa)[^ |]+) \\| (w3c/[^ |]+) \\| ([^ |]+) \\| ([0-9a-f]{40}) \\| (\\d+) \\| ([0-9a-f]{64}) \\|$");
    Map<String, String[]> listed = new LinkedHashMap<>();
    for (String line : SpecVectors.text("README.md").split("\n")) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        listed.put(m.group(1), new String[] {m.group(5), m.group(6)});
      }
    }
    assertEquals(22, listed.size(), "README lists 11 files per suite");
    for (Suite suite : Suite.values()) {
      assertTrue(listed.containsKey(suite.signedFile()), suite.signedFile() + " is listed");
    }
    for (Map.Entry<String, String[]> file : listed.entrySet()) {
      byte[] bytes = SpecVectors.bytes(file.getKey());
      assertEquals(Integer.parseInt(file.getValue()[0]), bytes.length, file.getKey() + " size");
      assertEquals(file.getValue()[1], SpecVectors.sha256Hex(bytes), file.getKey() + " is not the W3C file");
    }
  }

  // ---- canonicalization and hashing, both suites ----------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Suite.class)
  void canonicalDocumentIsTheSpecificationsByteForByte(Suite suite) throws CanonicalizationException {
    assertEquals(suite.text("canonDoc"), canonicalizer.canonicalize(suite.unsigned()));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void canonicalSignedDocumentWithoutProofIsTheSameAsTheUnsigned(Suite suite) throws CanonicalizationException {
    ObjectNode signed = suite.signed();
    signed.remove("proof");
    assertEquals(suite.text("canonDoc"), canonicalizer.canonicalize(signed));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void canonicalProofConfigurationIsTheSpecificationsByteForByte(Suite suite) throws CanonicalizationException {
    assertEquals(suite.text("proofCanon"), canonicalizer.canonicalize(suite.proofConfig()));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void hashesOfTheCanonicalFormsAreTheSpecifications(Suite suite) throws CanonicalizationException {
    assertEquals(suite.text("docHash"), SpecVectors.sha256Hex(canonicalizer.canonicalize(suite.unsigned())));
    assertEquals(suite.text("proofHash"), SpecVectors.sha256Hex(canonicalizer.canonicalize(suite.proofConfig())));
    // and of the specification's own canonical files, so the hash files and the N-Quads files agree
    assertEquals(suite.text("docHash"), SpecVectors.sha256Hex(SpecVectors.bytes(suite.file("canonDoc", "txt"))));
    assertEquals(suite.text("proofHash"), SpecVectors.sha256Hex(SpecVectors.bytes(suite.file("proofCanon", "txt"))));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void hashDataIsTheCombinedHashWhetherOrNotTheProofConfigurationCarriesTheContext(Suite suite)
      throws CanonicalizationException {
    ObjectNode withContext = suite.proofConfig();
    ObjectNode withoutContext = suite.proofConfig();
    withoutContext.remove("@context");

    assertEquals(suite.text("combinedHash"), hex(dataIntegrity.hashData(suite.unsigned(), withContext)));
    assertEquals(suite.text("combinedHash"), hex(dataIntegrity.hashData(suite.unsigned(), withoutContext)));
    assertEquals(suite.text("proofHash") + suite.text("docHash"), suite.text("combinedHash"), "proof hash first");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void proofValueIsTheMultibaseOfTheSignature(Suite suite) {
    byte[] signature = HexFormat.of().parseHex(suite.text("sigHex"));
    assertEquals(64, signature.length);
    assertEquals(suite.text("sigBTC58"), Multibase.encodeBase58Btc(signature));
    assertArrayEquals(signature, Multibase.decodeBase58Btc(suite.text("sigBTC58")));
    assertEquals(suite.text("sigBTC58"), suite.signed().get("proof").get("proofValue").textValue());
  }

  // ---- keys -------------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Suite.class)
  void restoredSecretKeyIsTheVectorsVerificationMethod(Suite suite) {
    SigningKey key = suite.signingKey();
    assertEquals(suite.cryptosuite.keyAlgorithm(), key.algorithm());
    assertEquals(suite.verificationMethod(), key.multikeyVerificationMethodId());
    assertEquals(suite.signed().get("proof").get("verificationMethod").textValue(), key.multikeyVerificationMethodId());
    assertEquals(suite.proofConfig().get("verificationMethod").textValue(), key.multikeyVerificationMethodId());
    assertEquals(suite.publicKeyMultibase(), Multikey.encode(key.publicJwk()));
    assertEquals(suite.did(), key.controller());
  }

  @Test
  void ed25519SecretKeyIsTheSeedTheSpecificationDescribes() {
    byte[] secret = Multibase.decodeBase58Btc(Suite.EDDSA.secretKeyMultibase());
    assertEquals("8026c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6", hex(secret));
    byte[] publicKey = Multibase.decodeBase58Btc(Suite.EDDSA.publicKeyMultibase());
    assertEquals("ed01b00d8d938e7f773d51565aad36a623f5344f7f5d1960f9cf3e8e12620ea2810f", hex(publicKey));
  }

  @Test
  void p256SecretKeyIsTheScalarTheSpecificationDescribes() {
    byte[] secret = Multibase.decodeBase58Btc(Suite.ECDSA_P256.secretKeyMultibase());
    assertEquals("8626c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721", hex(secret));
    byte[] publicKey = Multibase.decodeBase58Btc(Suite.ECDSA_P256.publicKeyMultibase());
    assertEquals("80240360fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6", hex(publicKey));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void didKeyResolutionGivesTheRestoredKeysPublicHalf(Suite suite) {
    JWK resolved = SpecVectors.resolveKey(suite.verificationMethod());
    assertFalse(resolved.isPrivate());
    assertEquals(suite.signingKey().publicJwk(), resolved.toPublicJWK());
  }

  // ---- verification of the specification's signed documents -----------------------------------------------------

  @ParameterizedTest
  @EnumSource(Suite.class)
  void specificationSignedDocumentVerifies(Suite suite) throws CanonicalizationException {
    ObjectNode signed = suite.signed();
    DataIntegrityProof proof = parse(signed);
    assertEquals(suite.cryptosuite, proof.cryptosuite());
    assertEquals(suite.verificationMethod(), proof.verificationMethod());
    assertEquals(ProofOptions.ASSERTION_METHOD, proof.proofPurpose());
    assertEquals(Optional.of(CREATED), proof.created());
    assertEquals(suite.text("sigHex"), hex(proof.signature()));

    assertTrue(dataIntegrity.verify(signed, proof, SpecVectors.resolveKey(proof.verificationMethod())));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void specificationSignatureVerifiesOverTheCombinedHash(Suite suite) {
    byte[] data = HexFormat.of().parseHex(suite.text("combinedHash"));
    byte[] signature = HexFormat.of().parseHex(suite.text("sigHex"));
    JWK key = SpecVectors.resolveKey(suite.verificationMethod());
    assertTrue(RawSignatures.verify(key, suite.cryptosuite.keyAlgorithm(), data, signature));
    data[0] ^= 1;
    assertFalse(RawSignatures.verify(key, suite.cryptosuite.keyAlgorithm(), data, signature));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void verificationDoesNotDependOnMemberOrderOrWhiteSpace(Suite suite) throws CanonicalizationException {
    ObjectNode reordered = (ObjectNode) reversed(suite.signed());
    ObjectNode reparsed = (ObjectNode) Json.parse(Json.writeString(reordered)); // compact, no white space
    assertEquals(suite.signed(), reparsed, "same JSON tree");
    assertTrue(dataIntegrity.verify(reparsed, parse(reparsed), SpecVectors.resolveKey(suite.verificationMethod())));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void swappingContextsThatDoNotOverlapKeepsTheGraphAndTheProof(Suite suite) throws CanonicalizationException {
    // credentials/v2 defines no @vocab, examples/v2 only @vocab: either order gives the same RDF statements, so the
    // proof (over the graph, not the JSON) still holds. A negative vector removes the examples context instead.
    ObjectNode swapped = suite.signed();
    com.fasterxml.jackson.databind.node.ArrayNode context =
        (com.fasterxml.jackson.databind.node.ArrayNode) swapped.get("@context");
    context.add(context.remove(0));
    ObjectNode unsecured = swapped.deepCopy();
    unsecured.remove("proof");
    assertEquals(suite.text("canonDoc"), canonicalizer.canonicalize(unsecured));
    assertTrue(dataIntegrity.verify(swapped, parse(swapped), SpecVectors.resolveKey(suite.verificationMethod())));
  }

  // ---- signing ----------------------------------------------------------------------------------------------------

  @Test
  void ed25519SignatureOverTheCombinedHashIsTheSpecificationsExactly() {
    SigningKey key = Suite.EDDSA.signingKey();
    byte[] signature = key.signRaw(HexFormat.of().parseHex(Suite.EDDSA.text("combinedHash")));
    assertEquals(Suite.EDDSA.text("sigHex"), hex(signature));
    assertEquals(Suite.EDDSA.text("sigBTC58"), Multibase.encodeBase58Btc(signature));
  }

  @Test
  void signingTheUnsignedCredentialGivesTheSpecificationsSignedDocument() throws CanonicalizationException {
    Suite suite = Suite.EDDSA;
    SigningKey key = suite.signingKey();
    ProofOptions options =
        new ProofOptions(
            Cryptosuite.EDDSA_RDFC_2022, key.multikeyVerificationMethodId(), "assertionMethod", CREATED,
            Optional.empty(), Optional.empty());

    ObjectNode signed = dataIntegrity.sign(suite.unsigned(), key, options);

    assertEquals(suite.signed(), signed, "the whole signed document, as a JSON tree");
    assertEquals(suite.text("sigBTC58"), signed.get("proof").get("proofValue").textValue());
    assertEquals(fieldNames(suite.signed().get("proof")), fieldNames(signed.get("proof")), "proof member order");
    assertTrue(dataIntegrity.verify(signed, parse(signed), SpecVectors.resolveKey(options.verificationMethod())));
  }

  @Test
  void signingLeavesTheInputUntouched() throws CanonicalizationException {
    ObjectNode unsigned = Suite.EDDSA.unsigned();
    dataIntegrity.sign(
        unsigned, Suite.EDDSA.signingKey(),
        ProofOptions.assertion(Cryptosuite.EDDSA_RDFC_2022, Suite.EDDSA.verificationMethod(), CREATED));
    assertEquals(Suite.EDDSA.unsigned(), unsigned);
  }

  @Test
  void p256SigningOfTheUnsignedCredentialGivesAProofThatVerifies() throws CanonicalizationException {
    Suite suite = Suite.ECDSA_P256;
    SigningKey key = suite.signingKey();
    assertEquals(KeyAlgorithm.P256, key.algorithm());
    ProofOptions options =
        new ProofOptions(
            Cryptosuite.ECDSA_RDFC_2019, key.multikeyVerificationMethodId(), "assertionMethod", CREATED,
            Optional.empty(), Optional.empty());

    ObjectNode signed = dataIntegrity.sign(suite.unsigned(), key, options);

    // ECDSA is randomized: everything but the proof value is the specification's document
    ObjectNode expected = suite.signed();
    ((ObjectNode) expected.get("proof")).remove("proofValue");
    ObjectNode actual = signed.deepCopy();
    ((ObjectNode) actual.get("proof")).remove("proofValue");
    assertEquals(expected, actual);

    DataIntegrityProof proof = parse(signed);
    assertEquals(64, proof.signature().length, "IEEE P1363 r||s");
    JWK publicKey = SpecVectors.resolveKey(proof.verificationMethod());
    assertTrue(dataIntegrity.verify(signed, proof, publicKey));
    // the same bytes were signed as in the specification
    assertTrue(RawSignatures.verify(
        publicKey, KeyAlgorithm.P256, HexFormat.of().parseHex(suite.text("combinedHash")), proof.signature()));
    // and the document verifies with the specification's proof value put back
    ObjectNode withSpecValue = signed.deepCopy();
    ((ObjectNode) withSpecValue.get("proof")).put("proofValue", suite.text("sigBTC58"));
    assertTrue(dataIntegrity.verify(withSpecValue, parse(withSpecValue), publicKey));
  }

  @Test
  void p256RawSignatureOverTheCombinedHashVerifies() {
    SigningKey key = Suite.ECDSA_P256.signingKey();
    byte[] data = HexFormat.of().parseHex(Suite.ECDSA_P256.text("combinedHash"));
    byte[] signature = key.signRaw(data);
    assertEquals(64, signature.length);
    assertTrue(RawSignatures.verify(
        SpecVectors.resolveKey(Suite.ECDSA_P256.verificationMethod()), KeyAlgorithm.P256, data, signature));
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  private static DataIntegrityProof parse(ObjectNode signed) {
    DataIntegrityProof.Parsed parsed = DataIntegrityProof.parse(signed.get("proof"));
    assertEquals(List.of(), parsed.errors());
    return parsed.proof().orElseThrow();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A copy with every object's members in reverse order. */
  private static JsonNode reversed(JsonNode node) {
    if (node.isObject()) {
      List<String> names = fieldNames(node);
      Collections.reverse(names);
      ObjectNode copy = Json.newObject();
      for (String name : names) {
        copy.set(name, reversed(node.get(name)));
      }
      return copy;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode copy = Json.mapper().createArrayNode();
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        copy.add(reversed(it.next()));
      }
      return copy;
    }
    return node.deepCopy();
  }
}
