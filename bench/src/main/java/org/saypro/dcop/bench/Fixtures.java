package org.saypro.dcop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.DidWeb;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.issue.IssueCredential;
import org.saypro.dcop.core.issue.IssueOutcome;
import org.saypro.dcop.core.issue.SecuredCredential;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * Everything the benchmarks share, built once: one Ed25519 and one P-256 key of a did:web issuer, that issuer's DID
 * document served by an in-memory resolver (as the server does for its own DID), the issue and verify pipelines, the
 * request bodies, and one issued credential whose JWS signing input is the payload of the raw-crypto baselines.
 */
public final class Fixtures {

  /** The issuer, as the server derives it from its public base URL. */
  public static final String ISSUER_DID = DidWeb.fromUrl(URI.create("https://dcop.saypro.example"));

  /** A fixed Ed25519 seed: every run signs with the same key, so signatures and sizes repeat exactly. */
  private static final byte[] ED25519_SEED =
      Json.sha256("dcop-bench Ed25519 issuer key".getBytes(StandardCharsets.US_ASCII));

  // Keys: the same Ed25519 private key behind the raw baseline and behind the pipeline's SigningKey.
  public final Ed25519PrivateKeyParameters rawPrivateKey;
  public final Ed25519PublicKeyParameters rawPublicKey;
  public final SigningKey ed25519Key;
  public final PrivateKey p256PrivateKey;
  public final SigningKey p256Key;

  // The issuer's DID document and the resolver that returns it.
  public final DidDocument didDocument;
  public final ResolveDid resolveDid;

  // Pipelines, wired as the server wires them.
  public final CredentialValidator validator;
  public final IssueCredential issueCredential;
  public final CredentialVerifier verifier;
  public final Function<KeyAlgorithm, SigningKey> keys;
  public final Supplier<String> newId = () -> "urn:uuid:" + UUID.randomUUID();

  // Request bodies, as the HTTP layer hands them over: parsed once, never mutated by issuing.
  public final JsonNode credentialRequest;
  public final JsonNode ob3Request;
  public final JsonNode ed25519Options;
  public final JsonNode es256Options;

  // One issued credential of the headline case: its envelope is the verify input, its JWS the raw payload.
  public final SecuredCredential.VcJwt issued;
  public final ObjectNode envelope;
  public final String compactJws;
  public final byte[] signingInput;
  public final byte[] signature;
  public final byte[] payloadJson;

  // An issued Open Badges 3.0 credential and an ES256 one, for the informational lines.
  public final SecuredCredential.VcJwt issuedOb3;
  public final SecuredCredential.VcJwt issuedEs256;

  public Fixtures() {
    rawPrivateKey = new Ed25519PrivateKeyParameters(ED25519_SEED, 0);
    rawPublicKey = rawPrivateKey.generatePublicKey();
    ed25519Key = SigningKey.restore(KeyAlgorithm.ED25519, ISSUER_DID, ED25519_SEED);
    p256PrivateKey = generateP256().getPrivate();
    p256Key = SigningKey.restore(KeyAlgorithm.P256, ISSUER_DID, p256PrivateKey.getEncoded());
    keys = algorithm -> algorithm == KeyAlgorithm.P256 ? p256Key : ed25519Key;

    didDocument =
        new DidDocument(
            ISSUER_DID,
            List.of(method(ed25519Key), method(p256Key)),
            List.of(ed25519Key.verificationMethodId(), p256Key.verificationMethodId()));
    DidResolution resolved = new DidResolution.Resolved(didDocument);
    resolveDid = did -> ISSUER_DID.equals(did) ? resolved : new DidResolution.Unresolvable(did, "not this issuer");

    validator = CredentialValidator.withBundledSchemas();
    issueCredential = new IssueCredential(validator);
    verifier = new CredentialVerifier(validator, resolveDid, Clock.systemUTC());

    credentialRequest = resource("/credentials/vc-basic.json");
    ob3Request = resource("/credentials/ob3-achievement.json");
    ed25519Options = Json.parse("{\"algorithm\":\"EdDSA\",\"securingMechanism\":\"vc+jwt\"}");
    es256Options = Json.parse("{\"algorithm\":\"ES256\",\"securingMechanism\":\"vc+jwt\"}");

    issued = issue(credentialRequest, ed25519Options);
    envelope = issued.enveloped();
    compactJws = issued.compactJws();
    int lastDot = compactJws.lastIndexOf('.');
    signingInput = compactJws.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
    signature = Base64.getUrlDecoder().decode(compactJws.substring(lastDot + 1));
    payloadJson = Base64.getUrlDecoder().decode(compactJws.substring(compactJws.indexOf('.') + 1, lastDot));

    issuedOb3 = issue(ob3Request, ed25519Options);
    issuedEs256 = issue(credentialRequest, es256Options);
  }

  /** The issue pipeline of the headline case, exactly as benchmarked. */
  public IssueOutcome issue() {
    return issueCredential.issue(credentialRequest, ed25519Options, keys, newId);
  }

  /** The verify pipeline of the headline case, exactly as benchmarked. */
  public VerificationReport verify() {
    return verifier.verify(SecuredInput.classify(envelope).orElseThrow());
  }

  /**
   * Fails unless every benchmarked path is the success path: a benchmark of a rejection or of a failed check would
   * measure the wrong thing and report it as fast.
   */
  public void checkSuccessPaths() {
    require(issue() instanceof IssueOutcome.Issued, "the headline credential is not issued: " + issue());
    require(
        issueCredential.issue(ob3Request, ed25519Options, keys, newId) instanceof IssueOutcome.Issued,
        "the Open Badges credential is not issued");
    require(
        issueCredential.issue(credentialRequest, es256Options, keys, newId) instanceof IssueOutcome.Issued,
        "the ES256 credential is not issued");
    VerificationReport report = verify();
    require(report.verified(), "the issued credential does not verify: " + report.checks());
    for (SecuredCredential.VcJwt other : List.of(issuedOb3, issuedEs256)) {
      VerificationReport otherReport = verifier.verify(SecuredInput.classify(other.enveloped()).orElseThrow());
      require(otherReport.verified(), "an informational credential does not verify: " + otherReport.checks());
    }
    require(
        rawPublicKey.verify(
            org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length,
            signature, 0),
        "the raw Ed25519 baseline does not verify the pipeline's signature");
  }

  private SecuredCredential.VcJwt issue(JsonNode credential, JsonNode options) {
    IssueOutcome outcome = issueCredential.issue(credential, options, keys, newId);
    if (outcome instanceof IssueOutcome.Issued ok && ok.credential() instanceof SecuredCredential.VcJwt jwt) {
      return jwt;
    }
    throw new IllegalStateException("fixture credential rejected: " + outcome);
  }

  private static VerificationMethod method(SigningKey key) {
    return new VerificationMethod(
        key.verificationMethodId(), VerificationMethod.JSON_WEB_KEY, ISSUER_DID, key.publicJwk());
  }

  private static KeyPair generateP256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 is available on every Java platform", e);
    }
  }

  private static JsonNode resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return Json.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
