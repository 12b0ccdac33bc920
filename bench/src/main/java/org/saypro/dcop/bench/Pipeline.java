package org.saypro.dcop.bench;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.saypro.dcop.core.issue.IssueOutcome;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * The headline figures: raw Ed25519 sign and verify of the exact signing input of the credential JWT, and the full
 * in-process issue and verify pipelines that produce and check that JWT. Plus informational lines: ES256 issuance
 * against a raw ES256 sign, issuance of an Open Badges 3.0 AchievementCredential (schema validation included), and
 * the same credential secured with a W3C Data Integrity proof instead (eddsa-rdfc-2022 issue and verify, the RDFC-1.0
 * canonicalization inside them alone, and ecdsa-rdfc-2019 issue). One thread, operations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class Pipeline {

  private Fixtures f;
  private byte[] signingInput;
  private byte[] signature;
  private Signature es256;

  @Setup
  public void setUp() throws GeneralSecurityException {
    f = new Fixtures();
    f.checkSuccessPaths();
    signingInput = f.signingInput;
    signature = f.signature;
    es256 = Signature.getInstance("SHA256withECDSA");
    es256.initSign(f.p256PrivateKey);
  }

  /** Bouncy Castle lightweight Ed25519 sign of the JWT signing input: the floor of issuing. */
  @Benchmark
  public byte[] ed25519RawSign() {
    byte[] sig = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
    f.rawPrivateKey.sign(Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length, sig, 0);
    return sig;
  }

  /** Bouncy Castle lightweight Ed25519 verify of the same bytes, public key decoded once: the floor of verifying. */
  @Benchmark
  public boolean ed25519RawVerify() {
    return f.rawPublicKey.verify(Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length, signature, 0);
  }

  /** IssueCredential.issue: options, id assignment, validation, vc+jwt signing and serialisation. */
  @Benchmark
  public IssueOutcome issue() {
    return f.issueCredential.issue(f.credentialRequest, f.ed25519Options, f.keys, f.newId);
  }

  /** CredentialVerifier.verify of the issued envelope: classify, parse, validate, resolve did:web, check, report. */
  @Benchmark
  public VerificationReport verify() {
    return f.verifier.verify(SecuredInput.classify(f.envelope).orElseThrow());
  }

  /** JDK SHA256withECDSA (SunEC) of the same signing input: the floor of ES256 issuing (informational). */
  @Benchmark
  public byte[] es256RawSign() throws GeneralSecurityException {
    es256.update(signingInput);
    return es256.sign();
  }

  /** The issue pipeline with options.algorithm ES256 (informational). */
  @Benchmark
  public IssueOutcome es256Issue() {
    return f.issueCredential.issue(f.credentialRequest, f.es256Options, f.keys, f.newId);
  }

  /** The issue pipeline on an Open Badges 3.0 AchievementCredential: adds the JSON Schema validation (informational). */
  @Benchmark
  public IssueOutcome ob3Issue() {
    return f.issueCredential.issue(f.ob3Request, f.ed25519Options, f.keys, f.newId);
  }

  /**
   * The issue pipeline with {@code {"securingMechanism":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022"}}:
   * options, id, validation, proof configuration, RDFC-1.0 canonicalization and SHA-256 of document and proof
   * configuration, Ed25519 sign of the 64 hash bytes, multibase proofValue (informational).
   */
  @Benchmark
  public IssueOutcome diIssue() {
    return f.issueCredential.issue(f.credentialRequest, f.diEddsaOptions, f.keys, f.newId);
  }

  /**
   * RDFC-1.0 canonicalization alone of what one DI issue or verify canonicalizes: the credential without its proof
   * and the proof configuration (informational; gives canonicalization's share of the DI lines).
   */
  @Benchmark
  public String[] diCanonicalize() {
    return f.canonicalizeDi();
  }

  /**
   * CredentialVerifier.verify of the eddsa-rdfc-2022 secured credential: classify, validate, parse the proof, resolve
   * the did:web Multikey method, canonicalize and hash, Ed25519 verify, issuer and validity checks (informational).
   */
  @Benchmark
  public VerificationReport diVerify() {
    return f.verifier.verify(SecuredInput.classify(f.diDocument).orElseThrow());
  }

  /** The issue pipeline with cryptosuite ecdsa-rdfc-2019 (P-256) (informational). */
  @Benchmark
  public IssueOutcome diEcdsaIssue() {
    return f.issueCredential.issue(f.credentialRequest, f.diEcdsaOptions, f.keys, f.newId);
  }
}
