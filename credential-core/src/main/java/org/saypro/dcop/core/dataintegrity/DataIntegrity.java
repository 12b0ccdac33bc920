package org.saypro.dcop.core.dataintegrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.saypro.dcop.core.did.Multibase;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.keys.RawSignatures;
import org.saypro.dcop.core.keys.SigningKey;

/**
 * The rdfc cryptosuites (VC-DI-EdDSA eddsa-rdfc-2022, VC-DI-ECDSA ecdsa-rdfc-2019 with P-256): the document without
 * its proof and the proof configuration (the proof without proofValue, with the document's {@code @context}) are
 * canonicalized with RDFC-1.0, hashed with SHA-256, and the proof hash followed by the document hash is signed.
 */
public final class DataIntegrity {

  private final RdfCanonicalizer canonicalizer;

  public DataIntegrity(RdfCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /** Returns a copy of {@code document} with a new proof added. */
  public ObjectNode sign(ObjectNode document, SigningKey key, ProofOptions options) throws CanonicalizationException {
    if (options.cryptosuite().keyAlgorithm() != key.algorithm()) {
      throw new IllegalArgumentException(options.cryptosuite().id() + " cannot sign with a " + key.algorithm().label() + " key");
    }
    ObjectNode unsecured = document.deepCopy();
    unsecured.remove("proof");
    ObjectNode proof = Json.newObject();
    proof.put("type", DataIntegrityProof.TYPE);
    proof.put("cryptosuite", options.cryptosuite().id());
    proof.put("created", DateTimeFormatter.ISO_INSTANT.format(options.created().truncatedTo(ChronoUnit.SECONDS)));
    proof.put("verificationMethod", options.verificationMethod());
    proof.put("proofPurpose", options.proofPurpose());
    options.challenge().ifPresent(c -> proof.put("challenge", c));
    options.domain().ifPresent(d -> proof.put("domain", d));
    byte[] signature = key.signRaw(hashData(unsecured, proof));
    proof.put("proofValue", Multibase.encodeBase58Btc(signature));
    ObjectNode secured = unsecured.deepCopy();
    secured.set("proof", proof);
    return secured;
  }

  /** Whether {@code proof} is a valid signature over {@code document} by {@code key}. */
  public boolean verify(ObjectNode document, DataIntegrityProof proof, JWK key) throws CanonicalizationException {
    ObjectNode unsecured = document.deepCopy();
    unsecured.remove("proof");
    byte[] data = hashData(unsecured, proof.configuration());
    return RawSignatures.verify(key, proof.cryptosuite().keyAlgorithm(), data, proof.signature());
  }

  /** SHA-256(canonical proof configuration) || SHA-256(canonical document): the 64 bytes that are signed. */
  public byte[] hashData(ObjectNode unsecuredDocument, ObjectNode proofConfiguration) throws CanonicalizationException {
    ObjectNode config = proofConfiguration.deepCopy();
    JsonNode context = unsecuredDocument.get("@context");
    if (context != null) {
      config.set("@context", context.deepCopy());
    }
    byte[] proofHash = Json.sha256(canonicalizer.canonicalize(config).getBytes(StandardCharsets.UTF_8));
    byte[] documentHash = Json.sha256(canonicalizer.canonicalize(unsecuredDocument).getBytes(StandardCharsets.UTF_8));
    byte[] data = new byte[64];
    System.arraycopy(proofHash, 0, data, 0, 32);
    System.arraycopy(documentHash, 0, data, 32, 32);
    return data;
  }
}
