package org.saypro.dcop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.DidResolution;
import org.saypro.dcop.core.did.DidUrl;
import org.saypro.dcop.core.issue.IssueOptions;
import org.saypro.dcop.core.jose.BouncyCastleEd25519Verifier;
import org.saypro.dcop.core.jose.CompactJws;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.validation.Validation;
import org.saypro.dcop.core.verify.SecuredInput;

/**
 * The steps of the two pipelines measured one by one (run with {@code --breakdown}), to see which step eats the
 * distance between a pipeline and its raw signature operation. Steps are public API calls of credential-core or, where
 * the pipeline's own step is private, the same library calls it makes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class Steps {

  private Fixtures f;
  private ObjectNode request;
  private JsonNode issuedJson;
  private JsonNode issuedOb3Json;
  private Credential credential;
  private String kid;
  private OctetKeyPair publicJwk;

  @Setup
  public void setUp() {
    f = new Fixtures();
    f.checkSuccessPaths();
    request = (ObjectNode) f.credentialRequest;
    issuedJson = Json.parse(f.payloadJson);
    issuedOb3Json = f.issuedOb3.credential().json();
    credential = f.issued.credential();
    kid = f.ed25519Key.verificationMethodId();
    publicJwk = (OctetKeyPair) f.ed25519Key.publicJwk();
  }

  // ---- issue ----

  /** The server's id supplier: urn:uuid from a random UUID. */
  @Benchmark
  public String issue_newId() {
    return f.newId.get();
  }

  /** IssueOptions.parse of {algorithm, securingMechanism}. */
  @Benchmark
  public IssueOptions.Parsed issue_parseOptions() {
    return IssueOptions.parse(f.ed25519Options);
  }

  /** A deep copy of the request: what the id assignment (a field-by-field deep copy) costs at least. */
  @Benchmark
  public ObjectNode issue_copyRequest() {
    return request.deepCopy();
  }

  /** CredentialValidator.validate of the credential with its id: VC 2.0 rules (no schema). Verify runs it too. */
  @Benchmark
  public Validation validate() {
    return f.validator.validate(issuedJson);
  }

  /** CredentialValidator.validate of the Open Badges credential: VC rules plus the OB 3.0 JSON Schema. */
  @Benchmark
  public Validation validateOb3() {
    return f.validator.validate(issuedOb3Json);
  }

  /** Json.write of the credential: the JWT payload bytes. */
  @Benchmark
  public byte[] issue_writePayloadJson() {
    return Json.write(credential.json());
  }

  /** VcJwtSigner's framing without the signature: header build, base64url of header and payload. */
  @Benchmark
  public String issue_framing() {
    return VcJwtSigner.signingInput(VcJwtSigner.header(f.ed25519Key), f.payloadJson);
  }

  /** VcJwtSigner.sign: payload JSON, framing, Ed25519 signature and compact serialisation. */
  @Benchmark
  public String issue_vcJwtSign() {
    return VcJwtSigner.sign(credential, f.ed25519Key);
  }

  // ---- verify ----

  /** SecuredInput.classify of the envelope. */
  @Benchmark
  public Optional<SecuredInput> verify_classify() {
    return SecuredInput.classify(f.envelope);
  }

  /** CompactJws.parse: split, base64url-decode, parse the header JSON. */
  @Benchmark
  public CompactJws.Parsed verify_parseJws() {
    return CompactJws.parse(f.compactJws);
  }

  /** Json.parse of the payload bytes. */
  @Benchmark
  public JsonNode verify_parsePayloadJson() {
    return Json.parse(f.payloadJson);
  }

  /** kid to key: DidUrl.parse, the in-memory did:web resolution, method lookup and the assertionMethod test. */
  @Benchmark
  public boolean verify_didLookup() {
    DidUrl url = DidUrl.parse(kid).orElseThrow();
    DidDocument document = ((DidResolution.Resolved) f.resolveDid.resolve(url.did())).document();
    return document.method(kid).isPresent() && document.mayAssert(kid);
  }

  /** new BouncyCastleEd25519Verifier(jwk): decodes (decompresses) the public point, done on every verification. */
  @Benchmark
  public BouncyCastleEd25519Verifier verify_decodePublicKey() {
    return new BouncyCastleEd25519Verifier(publicJwk);
  }
}
