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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.DidWeb;
import org.saypro.dcop.core.did.Multibase;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.issue.IssueCredential;
import org.saypro.dcop.core.issue.IssueOptions;
import org.saypro.dcop.core.issue.IssueOutcome;
import org.saypro.dcop.core.issue.SecuredCredential;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.RawSignatures;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * Everything the benchmarks share, built once: one Ed25519 and one P-256 key of a did:web issuer, that issuer's DID
 * document served by an in-memory resolver (as the server does for its own DID), the issue and verify pipelines, the
 * request bodies, one issued credential whose JWS signing input is the payload of the raw-crypto baselines, and one
 * credential secured with an eddsa-rdfc-2022 Data Integrity proof, split into the two documents its proof hashes.
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

  // Pipelines, wired as the server wires them: one canonicalizer and one DataIntegrity shared by issue and verify.
  public final CredentialValidator validator;
  public final RdfCanonicalizer canonicalizer;
  public final DataIntegrity dataIntegrity;
  public final IssueCredential issueCredential;
  public final CredentialVerifier verifier;
  public final Function<KeyAlgorithm, SigningKey> keys;
  public final Supplier<String> newId = () -> "urn:uuid:" + UUID.randomUUID();

  // Request bodies, as the HTTP layer hands them over: parsed once, never mutated by issuing.
  public final JsonNode credentialRequest;
  public final JsonNode ob3Request;
  public final JsonNode ed25519Options;
  public final JsonNode es256Options;
  public final JsonNode diEddsaOptions;
  public final JsonNode diEcdsaOptions;

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

  // One credential secured with an eddsa-rdfc-2022 proof (the DI verify input), and what DataIntegrity.hashData
  // canonicalizes for it: the document without its proof, and the proof configuration (the proof without proofValue,
  // with the document's @context). Plus an ecdsa-rdfc-2019 one for the informational line.
  public final SecuredCredential.WithProof issuedDi;
  public final ObjectNode diDocument;
  public final ObjectNode diUnsecured;
  public final ObjectNode diProofConfig;
  public final String diCanonicalDocument;
  public final String diCanonicalProofConfig;
  public final SecuredCredential.WithProof issuedDiEcdsa;

  public Fixtures() {
    rawPrivateKey = new Ed25519PrivateKeyParameters(ED25519_SEED, 0);
    rawPublicKey = rawPrivateKey.generatePublicKey();
    ed25519Key = SigningKey.restore(KeyAlgorithm.ED25519, ISSUER_DID, ED25519_SEED);
    p256PrivateKey = generateP256().getPrivate();
    p256Key = SigningKey.restore(KeyAlgorithm.P256, ISSUER_DID, p256PrivateKey.getEncoded());
    keys = algorithm -> algorithm == KeyAlgorithm.P256 ? p256Key : ed25519Key;

    // As IssuerKeyRing publishes it: the JsonWebKey methods (JOSE kid) first, then the Multikey methods that Data
    // Integrity proofs name, all of them assertion methods.
    List<VerificationMethod> methods =
        List.of(method(ed25519Key), method(p256Key), multikeyMethod(ed25519Key), multikeyMethod(p256Key));
    didDocument =
        new DidDocument(ISSUER_DID, methods, methods.stream().map(VerificationMethod::id).toList());
    DidResolution resolved = new DidResolution.Resolved(didDocument);
    resolveDid = did -> ISSUER_DID.equals(did) ? resolved : new DidResolution.Unresolvable(did, "not this issuer");

    validator = CredentialValidator.withBundledSchemas();
    canonicalizer = RdfCanonicalizer.bundled();
    dataIntegrity = new DataIntegrity(canonicalizer);
    issueCredential = new IssueCredential(validator, dataIntegrity, IssueOptions.DEFAULT, Clock.systemUTC());
    verifier = new CredentialVerifier(validator, resolveDid, dataIntegrity, Clock.systemUTC());

    credentialRequest = resource("/credentials/vc-basic.json");
    ob3Request = resource("/credentials/ob3-achievement.json");
    ed25519Options = Json.parse("{\"algorithm\":\"EdDSA\",\"securingMechanism\":\"vc+jwt\"}");
    es256Options = Json.parse("{\"algorithm\":\"ES256\",\"securingMechanism\":\"vc+jwt\"}");
    diEddsaOptions = Json.parse("{\"securingMechanism\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\"}");
    diEcdsaOptions = Json.parse("{\"securingMechanism\":\"DataIntegrityProof\",\"cryptosuite\":\"ecdsa-rdfc-2019\"}");

    issued = issue(credentialRequest, ed25519Options);
    envelope = issued.enveloped();
    compactJws = issued.compactJws();
    int lastDot = compactJws.lastIndexOf('.');
    signingInput = compactJws.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
    signature = Base64.getUrlDecoder().decode(compactJws.substring(lastDot + 1));
    payloadJson = Base64.getUrlDecoder().decode(compactJws.substring(compactJws.indexOf('.') + 1, lastDot));

    issuedOb3 = issue(ob3Request, ed25519Options);
    issuedEs256 = issue(credentialRequest, es256Options);

    issuedDi = issueWithProof(credentialRequest, diEddsaOptions);
    diDocument = issuedDi.document();
    diUnsecured = diDocument.deepCopy();
    diUnsecured.remove("proof");
    diProofConfig = ((ObjectNode) diDocument.get("proof")).deepCopy();
    diProofConfig.remove("proofValue");
    diProofConfig.set("@context", diDocument.get("@context").deepCopy());
    String[] canonical = canonicalizeDi();
    diCanonicalDocument = canonical[0];
    diCanonicalProofConfig = canonical[1];
    issuedDiEcdsa = issueWithProof(credentialRequest, diEcdsaOptions);
  }

  /** The issue pipeline of the headline case, exactly as benchmarked. */
  public IssueOutcome issue() {
    return issueCredential.issue(credentialRequest, ed25519Options, keys, newId);
  }

  /** The verify pipeline of the headline case, exactly as benchmarked. */
  public VerificationReport verify() {
    return verifier.verify(SecuredInput.classify(envelope).orElseThrow());
  }

  /** The issue pipeline with an eddsa-rdfc-2022 Data Integrity proof, exactly as benchmarked. */
  public IssueOutcome diIssue() {
    return issueCredential.issue(credentialRequest, diEddsaOptions, keys, newId);
  }

  /** The verify pipeline on the eddsa-rdfc-2022 secured credential, exactly as benchmarked. */
  public VerificationReport diVerify() {
    return verifier.verify(SecuredInput.classify(diDocument).orElseThrow());
  }

  /**
   * The canonicalization inside one DI issue or verify, alone: RDFC-1.0 of the document without its proof and of the
   * proof configuration, as DataIntegrity.hashData does it (without the copies and the two SHA-256 hashes).
   */
  public String[] canonicalizeDi() {
    try {
      return new String[] {canonicalizer.canonicalize(diUnsecured), canonicalizer.canonicalize(diProofConfig)};
    } catch (CanonicalizationException e) {
      throw new IllegalStateException("the fixture credential cannot be canonicalized: " + e.getMessage(), e);
    }
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
    IssueOutcome eddsa = diIssue();
    require(
        eddsa instanceof IssueOutcome.Issued ok && ok.credential() instanceof SecuredCredential.WithProof,
        "the Data Integrity (eddsa-rdfc-2022) credential is not issued: " + eddsa);
    IssueOutcome ecdsa = issueCredential.issue(credentialRequest, diEcdsaOptions, keys, newId);
    require(
        ecdsa instanceof IssueOutcome.Issued ok && ok.credential() instanceof SecuredCredential.WithProof,
        "the Data Integrity (ecdsa-rdfc-2019) credential is not issued: " + ecdsa);
    VerificationReport diReport = diVerify();
    require(diReport.verified(), "the eddsa-rdfc-2022 credential does not verify: " + diReport.checks());
    require(
        diReport.checks().stream().anyMatch(c -> c.detail().contains("eddsa-rdfc-2022 Data Integrity proof")),
        "the eddsa-rdfc-2022 credential was not verified by its Data Integrity proof: " + diReport.checks());
    VerificationReport ecdsaReport = verifier.verify(SecuredInput.classify(issuedDiEcdsa.document()).orElseThrow());
    require(ecdsaReport.verified(), "the ecdsa-rdfc-2019 credential does not verify: " + ecdsaReport.checks());
    // The canonicalization benchmark must canonicalize exactly what the proof signs: hashData over its two inputs is
    // SHA-256 of these canonical forms, and the proof's signature is valid over that.
    require(
        diCanonicalDocument.lines().count() > 10 && diCanonicalProofConfig.lines().count() >= 5,
        "the canonical N-Quads of the DI fixture are suspiciously short");
    byte[] hashData = hashData();
    byte[] expected = new byte[64];
    System.arraycopy(Json.sha256(diCanonicalProofConfig.getBytes(StandardCharsets.UTF_8)), 0, expected, 0, 32);
    System.arraycopy(Json.sha256(diCanonicalDocument.getBytes(StandardCharsets.UTF_8)), 0, expected, 32, 32);
    require(Arrays.equals(hashData, expected), "the canonicalization benchmark does not hash what hashData hashes");
    byte[] proofValue =
        Multibase.decodeBase58Btc(diDocument.get("proof").get("proofValue").textValue());
    require(
        RawSignatures.verify(ed25519Key.publicJwk(), KeyAlgorithm.ED25519, hashData, proofValue),
        "the eddsa-rdfc-2022 proof does not sign the hash of the canonicalized inputs");
    require(
        diDocument.get("proof").get("verificationMethod").textValue().equals(ed25519Key.multikeyVerificationMethodId()),
        "the eddsa-rdfc-2022 proof does not name the Ed25519 Multikey method");
    require(
        rawPublicKey.verify(
            org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length,
            signature, 0),
        "the raw Ed25519 baseline does not verify the pipeline's signature");
  }

  /** DataIntegrity.hashData over the DI fixture's unsecured document and proof configuration. */
  public byte[] hashData() {
    try {
      return dataIntegrity.hashData(diUnsecured, diProofConfig);
    } catch (CanonicalizationException e) {
      throw new IllegalStateException("the fixture credential cannot be canonicalized: " + e.getMessage(), e);
    }
  }

  private SecuredCredential.WithProof issueWithProof(JsonNode credential, JsonNode options) {
    IssueOutcome outcome = issueCredential.issue(credential, options, keys, newId);
    if (outcome instanceof IssueOutcome.Issued ok && ok.credential() instanceof SecuredCredential.WithProof proof) {
      return proof;
    }
    throw new IllegalStateException("fixture credential not secured with a Data Integrity proof: " + outcome);
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

  private static VerificationMethod multikeyMethod(SigningKey key) {
    return new VerificationMethod(
        key.multikeyVerificationMethodId(), VerificationMethod.MULTIKEY, ISSUER_DID, key.publicJwk());
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
