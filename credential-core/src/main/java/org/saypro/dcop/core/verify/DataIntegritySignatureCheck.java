package org.saypro.dcop.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.dataintegrity.DataIntegrityProof;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.keys.RawSignatures;
import org.saypro.dcop.core.validation.FieldError;

/**
 * The signature check of a document secured with one embedded Data Integrity proof: the proof must have the expected
 * purpose (assertionMethod for credentials, authentication for presentations), its verification method must resolve to a key of the
 * cryptosuite's type, and the signature must cover the canonical document.
 */
final class DataIntegritySignatureCheck {

  private final KeyLookup keyLookup;
  private final DataIntegrity dataIntegrity;

  DataIntegritySignatureCheck(ResolveDid resolveDid, DataIntegrity dataIntegrity) {
    this.keyLookup = new KeyLookup(resolveDid);
    this.dataIntegrity = dataIntegrity;
  }

  SignatureOutcome check(ObjectNode document, String expectedPurpose) {
    JsonNode proofNode = document.get("proof");
    if (proofNode != null && proofNode.isArray()) {
      if (proofNode.size() != 1) {
        return SignatureOutcome.refused("exactly one proof is supported; this document has " + proofNode.size());
      }
      proofNode = proofNode.get(0);
    }
    DataIntegrityProof.Parsed parsed = DataIntegrityProof.parse(proofNode);
    if (parsed.proof().isEmpty()) {
      FieldError first = parsed.errors().get(0);
      return SignatureOutcome.refused("the proof is malformed: proof" + first.pointer() + " " + first.message());
    }
    DataIntegrityProof proof = parsed.proof().get();
    if (!proof.proofPurpose().equals(expectedPurpose)) {
      return SignatureOutcome.refused(
          "the proof's purpose is " + proof.proofPurpose() + ", but " + expectedPurpose + " is required");
    }
    String methodId = proof.verificationMethod();
    Optional<String> keyId = Optional.of(methodId);
    KeyLookup.Result found = keyLookup.lookup(methodId);
    Optional<DidDocument> signer = found.document();
    Optional<VerificationMethod> method = found.method();
    if (method.isEmpty()) {
      return SignatureOutcome.failed(found.problem(), keyId, signer);
    }
    String suite = proof.cryptosuite().id();
    if (!RawSignatures.fits(method.get().publicKey(), proof.cryptosuite().keyAlgorithm())) {
      return SignatureOutcome.failed(
          suite + " needs a " + proof.cryptosuite().keyAlgorithm().label() + " key; " + methodId + " is not one",
          keyId, signer);
    }
    boolean valid;
    try {
      valid = dataIntegrity.verify(document, proof, method.get().publicKey());
    } catch (CanonicalizationException e) {
      return SignatureOutcome.failed("the document cannot be canonicalized: " + e.getMessage(), keyId, signer);
    } catch (IllegalArgumentException e) {
      return SignatureOutcome.failed("the key is unusable: " + e.getMessage(), keyId, signer);
    }
    if (!valid) {
      return SignatureOutcome.failed(
          "the " + suite + " Data Integrity proof does not match the document for key " + methodId, keyId, signer);
    }
    return new SignatureOutcome(
        new CheckResult.Passed(Checks.SIGNATURE, "valid " + suite + " Data Integrity proof by key " + methodId),
        keyId, signer);
  }
}
