package org.saypro.dcop.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.jose.BouncyCastleEd25519Verifier;
import org.saypro.dcop.core.jose.CompactJws;

/**
 * The signature check of a JWS, hardened against the known JOSE attacks: {@code alg: none} and HMAC algorithms are
 * refused outright (so a public key can never be used as an HMAC secret), keys carried or referenced by the header
 * ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are refused, the key comes only from the DID document named by
 * {@code kid}, and the algorithm must fit that key's type.
 */
final class JwsSignatureCheck {

  static final List<String> ALLOWED_ALGORITHMS = List.of("EdDSA", "Ed25519", "ES256");
  private static final Set<String> REFUSED_HEADERS = Set.of("jwk", "jku", "x5u", "x5c");

  private final KeyLookup keyLookup;

  JwsSignatureCheck(ResolveDid resolveDid) {
    this.keyLookup = new KeyLookup(resolveDid);
  }

  SignatureOutcome check(CompactJws jws, Optional<String> issuer) {
    JsonNode algNode = jws.header().get("alg");
    if (algNode == null || !algNode.isTextual()) {
      return SignatureOutcome.failed("the JOSE header has no algorithm", Optional.empty(), Optional.empty());
    }
    String alg = algNode.textValue();
    if (alg.equalsIgnoreCase("none")) {
      return SignatureOutcome.failed(
          "algorithm 'none' is refused: unsigned tokens are never accepted", Optional.empty(), Optional.empty());
    }
    if (!ALLOWED_ALGORITHMS.contains(alg)) {
      return SignatureOutcome.failed(
          "algorithm '" + alg + "' is not allowed (allowed: " + String.join(", ", ALLOWED_ALGORITHMS) + ")",
          Optional.empty(),
          Optional.empty());
    }
    for (String refused : REFUSED_HEADERS) {
      if (jws.header().has(refused)) {
        return SignatureOutcome.failed(
            "header parameter '" + refused + "' is refused: keys come only from the issuer's DID document",
            Optional.empty(),
            Optional.empty());
      }
    }
    if (jws.header().has("crit")) {
      return SignatureOutcome.failed(
          "critical header parameters " + jws.header().get("crit") + " are not understood",
          Optional.empty(),
          Optional.empty());
    }
    Optional<String> kidHeader = jws.headerString("kid");
    if (kidHeader.isEmpty()) {
      return SignatureOutcome.failed("the JOSE header has no kid naming the signing key", Optional.empty(), Optional.empty());
    }
    String kid = kidHeader.get();
    if (kid.startsWith("#") && issuer.isPresent()) {
      kid = issuer.get() + kid;
    }
    Optional<String> keyId = Optional.of(kid);
    KeyLookup.Result found = keyLookup.lookup(kid);
    Optional<DidDocument> signerDocument = found.document();
    Optional<VerificationMethod> method = found.method();
    if (method.isEmpty()) {
      return SignatureOutcome.failed("kid: " + found.problem(), keyId, signerDocument);
    }
    JWK key = method.get().publicKey();
    boolean valid;
    try {
      if (alg.equals("ES256")) {
        if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
          return SignatureOutcome.failed(mismatch(alg, key), keyId, signerDocument);
        }
        valid =
            new ECDSAVerifier(ec)
                .verify(new JWSHeader(JWSAlgorithm.ES256), jws.signingInput(), Base64URL.encode(jws.signature()));
      } else {
        if (!(key instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
          return SignatureOutcome.failed(mismatch(alg, key), keyId, signerDocument);
        }
        valid = new BouncyCastleEd25519Verifier(okp).verify(jws.signingInput(), jws.signature());
      }
    } catch (JOSEException | IllegalArgumentException e) {
      return SignatureOutcome.failed("the key in the DID document is unusable: " + e.getMessage(), keyId, signerDocument);
    }
    if (!valid) {
      return SignatureOutcome.failed(
          "the " + alg + " signature does not match the signed content for key " + kid, keyId, signerDocument);
    }
    return new SignatureOutcome(new CheckResult.Passed(Checks.SIGNATURE, "valid " + alg + " signature by key " + kid), keyId,
        signerDocument);
  }

  private static String mismatch(String alg, JWK key) {
    String type = key.getKeyType().getValue() + (key instanceof OctetKeyPair o ? "/" + o.getCurve() : "")
        + (key instanceof ECKey e ? "/" + e.getCurve() : "");
    return "algorithm " + alg + " is not allowed for a " + type + " key";
  }
}
