package org.saypro.dcop.core.presentations;

import org.saypro.dcop.core.VectorFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.saypro.dcop.core.dataintegrity.Cryptosuite;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.dataintegrity.ProofOptions;
import org.saypro.dcop.core.did.Multikey;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;

/**
 * Writes the presentation verification vectors under {@code src/test/resources/vectors/presentations}. Everything is
 * fixed: the did:key holders and issuer (Ed25519 seeds below), the dates, the challenge and domain, and so the
 * signatures (Ed25519 is deterministic, and every Data Integrity proof has a fixed {@code created}): running it again
 * rewrites the same bytes. The vectors are meant for a verifier whose clock reads {@link #VERIFICATION_TIME}.
 *
 * <p>Each file is {@code {description, presentation, options, expected, detailContains}}: {@code presentation} is a
 * JSON presentation or a compact vp+jwt string (anything {@code PresentationVerifier.classify} accepts);
 * {@code options} holds the requested {@code challenge}, {@code domain} and, when turned off, {@code holderBinding};
 * {@code expected} holds {@code verified}, the status of the four presentation checks and, per contained credential,
 * whether it verified; {@code detailContains} maps a check ({@code format}, {@code signature}, {@code challenge},
 * {@code holder}, or {@code credentials/<i>/<check>} for a contained credential) to text its detail must contain.
 *
 * <p>Run from the repository root or the module directory:
 * {@code java -cp <test classpath> org.saypro.dcop.core.presentations.PresentationVectorGenerator [output-dir]}.
 */
public final class PresentationVectorGenerator {

  /** The instant the vector test's fixed clock reads. */
  public static final String VERIFICATION_TIME = "2026-06-01T00:00:00Z";

  static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
  static final String EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
  static final String UNKNOWN_CONTEXT = "https://example.org/contexts/not-bundled/v1";

  /** What the verifier asks the holder to sign. */
  static final String CHALLENGE = "5c8d4b2e-1f0a-4e3b-9a7c-6d2e8f1b0c3a";

  static final String DOMAIN = "verifier.example.org";

  /** Another subject than the holder. */
  static final String SOMEONE_ELSE = "did:example:ebfeb1f712ebc6f1c276e12ec21";

  static final Instant CREDENTIAL_CREATED = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant PRESENTED = Instant.parse("2026-05-31T12:00:00Z");

  // ---- Fixed test keys: RFC 8032 section 7.1 test secret keys, used as did:key seeds. ----

  /** Issuer: RFC 8032 section 7.1 TEST 1024. */
  static final String ISSUER_SEED = "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5";

  static final String ISSUER_PUBLIC = "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e";

  /** Holder (the learner's wallet): RFC 8032 section 7.1 TEST SHA(abc). */
  static final String HOLDER_SEED = "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42";

  static final String HOLDER_PUBLIC = "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf";

  /** A stranger who is not the holder: RFC 8032 section 7.1 TEST 3. */
  static final String STRANGER_SEED = "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7";

  static final String STRANGER_PUBLIC = "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025";

  static final SigningKey ISSUER = didKey(ISSUER_SEED);
  static final SigningKey HOLDER = didKey(HOLDER_SEED);
  static final SigningKey STRANGER = didKey(STRANGER_SEED);

  private static final DataIntegrity DATA_INTEGRITY = new DataIntegrity(RdfCanonicalizer.bundled());

  private PresentationVectorGenerator() {}

  public static void main(String[] args) throws IOException {
    VectorFiles.replace("presentations", args, ".json", render());
  }

  /** Every file, by name, with its exact content. */
  public static Map<String, String> render() {
    checkPublished(ISSUER, ISSUER_PUBLIC);
    checkPublished(HOLDER, HOLDER_PUBLIC);
    checkPublished(STRANGER, STRANGER_PUBLIC);
    Map<String, String> files = new LinkedHashMap<>();
    for (Vector vector : vectors()) {
      String name = vector.name() + (vector.good() ? ".good.json" : ".bad.json");
      if (files.put(name, pretty(vector.json())) != null) {
        throw new IllegalStateException("duplicate vector " + name);
      }
    }
    files.put("keys.json", pretty(keysDocument()));
    return files;
  }

  // ---------------------------------------------------------------------------------------------------------------

  static List<Vector> vectors() {
    String holder = HOLDER.controller();
    ObjectNode aboutHolder = issued(credential(holder));
    ObjectNode aboutSomeoneElse = issued(credential(SOMEONE_ELSE));
    ObjectNode tampered = aboutHolder.deepCopy();
    ((ObjectNode) tampered.path("credentialSubject").path("degree")).put("name", "Doctor of Philosophy");

    ObjectNode modified = signed(presentation(holder, aboutHolder), HOLDER, ProofOptions.AUTHENTICATION, CHALLENGE, DOMAIN);
    modified.put("id", "urn:uuid:8e1b7c52-4a3d-4f6e-b0c9-2d7a5e3f1b84");

    String goodJwt = vpJwt(withNonce(presentation(holder, aboutHolder), CHALLENGE, DOMAIN), HOLDER);

    return List.of(
        // ---- good ----
        Vector.good("di-challenge-domain",
                "eddsa-rdfc-2022 presentation by the holder (purpose authentication) answering the requested challenge"
                    + " and domain, with one credential about the holder")
            .presentation(signed(presentation(holder, aboutHolder), HOLDER, ProofOptions.AUTHENTICATION, CHALLENGE,
                DOMAIN))
            .options(CHALLENGE, DOMAIN),
        Vector.good("unsigned",
                "an unsigned presentation when no challenge is requested: signature and holder are skipped (reported,"
                    + " not failed), the credential verifies")
            .presentation(presentation(holder, aboutHolder))
            .options(null, null)
            .expect("passed", "skipped", "skipped", "skipped", true),
        Vector.good("holder-binding-off",
                "the holder signs a credential about someone else, and the verifier turned holder binding off")
            .presentation(signed(presentation(holder, aboutSomeoneElse), HOLDER, ProofOptions.AUTHENTICATION,
                CHALLENGE, DOMAIN))
            .options(CHALLENGE, DOMAIN)
            .holderBinding(false),
        Vector.good("vp-jwt-nonce-aud",
                "vp+jwt (EdDSA, kid = the holder's did:key Multikey method) with nonce = challenge and aud = domain")
            .presentation(Json.mapper().getNodeFactory().textNode(goodJwt))
            .options(CHALLENGE, DOMAIN),
        Vector.good("vp-jwt-enveloped",
                "the same vp+jwt in an EnvelopedVerifiablePresentation (data:application/vp+jwt, URL as id)")
            .presentation(enveloped(goodJwt))
            .options(CHALLENGE, DOMAIN),

        // ---- challenge and domain ----
        Vector.bad("wrong-challenge", "the proof answers another challenge than the one the verifier requested")
            .presentation(signed(presentation(holder, aboutHolder), HOLDER, ProofOptions.AUTHENTICATION,
                "0d1f7e6a-replayed-challenge", DOMAIN))
            .options(CHALLENGE, DOMAIN)
            .expect("passed", "passed", "failed", "passed", true)
            .detail("challenge", "another challenge"),
        Vector.bad("wrong-domain", "the proof is bound to another domain than the verifier's")
            .presentation(signed(presentation(holder, aboutHolder), HOLDER, ProofOptions.AUTHENTICATION, CHALLENGE,
                "attacker.example"))
            .options(CHALLENGE, DOMAIN)
            .expect("passed", "passed", "failed", "passed", true)
            .detail("challenge", "another domain than " + DOMAIN),
        Vector.bad("unsigned-with-challenge", "an unsigned presentation cannot answer a requested challenge")
            .presentation(presentation(holder, aboutHolder))
            .options(CHALLENGE, DOMAIN)
            .expect("passed", "skipped", "failed", "skipped", true)
            .detail("challenge", "unsigned presentation cannot answer a challenge"),
        Vector.bad("vp-jwt-wrong-nonce", "vp+jwt whose nonce is not the requested challenge")
            .presentation(Json.mapper().getNodeFactory().textNode(
                vpJwt(withNonce(presentation(holder, aboutHolder), "0d1f7e6a-replayed-challenge", DOMAIN), HOLDER)))
            .options(CHALLENGE, DOMAIN)
            .expect("passed", "passed", "failed", "passed", true)
            .detail("challenge", "another challenge"),

        // ---- holder ----
        Vector.bad("holder-not-subject",
                "the holder signs correctly, but the credential is about someone else (holder binding on); the"
                    + " credential itself still verifies")
            .presentation(signed(presentation(holder, aboutSomeoneElse), HOLDER, ProofOptions.AUTHENTICATION,
                CHALLENGE, DOMAIN))
            .options(CHALLENGE, DOMAIN)
            .expect("passed", "passed", "passed", "failed", true)
            .detail("holder", "credential 0 is not about the holder " + holder),
        Vector.bad("signed-by-another-did",
                "a valid proof, but by a key of another DID than the presentation's holder")
            .presentation(signed(presentation(holder, aboutHolder), STRANGER, ProofOptions.AUTHENTICATION, CHALLENGE,
                DOMAIN))
            .options(CHALLENGE, DOMAIN)
            .expect("passed", "passed", "passed", "failed", true)
            .detail("holder", "which does not belong to the holder " + holder),

        // ---- signature ----
        Vector.bad("assertion-method-purpose",
                "the holder's proof has purpose assertionMethod; a presentation needs authentication")
            .presentation(signed(presentation(holder, aboutHolder), HOLDER, ProofOptions.ASSERTION_METHOD, CHALLENGE,
                DOMAIN))
            .options(CHALLENGE, DOMAIN)
            .expect("passed", "failed", "passed", "skipped", true)
            .detail("signature", "purpose is assertionMethod, but authentication is required"),
        Vector.bad("modified-after-signing", "an id was added to the presentation after the holder signed it")
            .presentation(modified)
            .options(CHALLENGE, DOMAIN)
            .expect("passed", "failed", "passed", "passed", true)
            .detail("signature", "does not match the document"),

        // ---- contained credentials ----
        Vector.bad("tampered-credential",
                "the holder signs a presentation of a credential whose degree name was changed after the issuer"
                    + " signed it: every presentation check passes, the credential does not verify")
            .presentation(signed(presentation(holder, tampered), HOLDER, ProofOptions.AUTHENTICATION, CHALLENGE,
                DOMAIN))
            .options(CHALLENGE, DOMAIN)
            .expect("passed", "passed", "passed", "passed", false)
            .detail("credentials/0/signature", "does not match the document"),

        // ---- format ----
        Vector.bad("unknown-context", "the presentation's @context names a context that is not bundled")
            .presentation(withContext(presentation(holder, aboutHolder), UNKNOWN_CONTEXT))
            .options(null, null)
            .expect("failed", "skipped", "skipped", "skipped", true)
            .detail("format", "@context/1 is not a bundled context"),
        Vector.bad("vp-jwt-unknown-context",
                "a correctly signed vp+jwt whose presentation names a context that is not bundled: only format fails")
            .presentation(Json.mapper().getNodeFactory().textNode(
                vpJwt(withNonce(withContext(presentation(holder, aboutHolder), UNKNOWN_CONTEXT), CHALLENGE, DOMAIN),
                    HOLDER)))
            .options(CHALLENGE, DOMAIN)
            .expect("failed", "passed", "passed", "passed", true)
            .detail("format", "@context/1 is not a bundled context"));
  }

  // ---- documents -------------------------------------------------------------------------------------------------

  static ObjectNode credential(String subject) {
    ObjectNode c = Json.newObject();
    c.set("@context", array(CREDENTIALS_V2, EXAMPLES_V2));
    c.put("id", "urn:uuid:6f0e2a1c-3b5d-4c7e-8f9a-0b1c2d3e4f5a");
    c.set("type", array("VerifiableCredential", "ExampleDegreeCredential"));
    c.put("issuer", ISSUER.controller());
    c.put("validFrom", "2026-01-01T00:00:00Z");
    c.put("validUntil", "2031-01-01T00:00:00Z");
    ObjectNode subjectNode = c.putObject("credentialSubject");
    subjectNode.put("id", subject);
    subjectNode.putObject("degree").put("type", "ExampleBachelorDegree").put("name", "Bachelor of Science and Arts");
    return c;
  }

  /** The credential with the issuer's eddsa-rdfc-2022 assertionMethod proof. */
  static ObjectNode issued(ObjectNode credential) {
    try {
      return DATA_INTEGRITY.sign(
          credential, ISSUER,
          ProofOptions.assertion(Cryptosuite.EDDSA_RDFC_2022, ISSUER.multikeyVerificationMethodId(), CREDENTIAL_CREATED));
    } catch (CanonicalizationException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode presentation(String holder, JsonNode... credentials) {
    ObjectNode vp = Json.newObject();
    vp.set("@context", array(CREDENTIALS_V2));
    vp.set("type", array("VerifiablePresentation"));
    vp.put("holder", holder);
    ArrayNode list = vp.putArray("verifiableCredential");
    for (JsonNode credential : credentials) {
      list.add(credential.deepCopy());
    }
    return vp;
  }

  /** The presentation with an eddsa-rdfc-2022 proof by {@code key}'s Multikey verification method. */
  static ObjectNode signed(ObjectNode vp, SigningKey key, String purpose, String challenge, String domain) {
    try {
      return DATA_INTEGRITY.sign(
          vp, key,
          new ProofOptions(
              Cryptosuite.EDDSA_RDFC_2022, key.multikeyVerificationMethodId(), purpose, PRESENTED,
              Optional.ofNullable(challenge), Optional.ofNullable(domain)));
    } catch (CanonicalizationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode withNonce(ObjectNode vp, String nonce, String audience) {
    vp.put("nonce", nonce);
    vp.put("aud", audience);
    return vp;
  }

  private static ObjectNode withContext(ObjectNode vp, String context) {
    ((ArrayNode) vp.get("@context")).add(context);
    return vp;
  }

  /** A compact vp+jwt signed with Nimbus: alg EdDSA, typ vp+jwt, kid the key's Multikey verification method. */
  static String vpJwt(ObjectNode payload, SigningKey key) {
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType("vp+jwt"))
                .keyID(key.multikeyVerificationMethodId())
                .build(),
            new Payload(Json.write(payload)));
    try {
      jws.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  private static ObjectNode enveloped(String compact) {
    ObjectNode node = Json.newObject();
    node.put("@context", CREDENTIALS_V2);
    node.put("type", "EnvelopedVerifiablePresentation");
    node.put("id", "data:application/vp+jwt," + compact);
    return node;
  }

  static ArrayNode array(String... values) {
    ArrayNode array = Json.mapper().createArrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  private static ObjectNode keysDocument() {
    ObjectNode doc = Json.newObject();
    doc.put("description",
        "The fixed did:key keys of the presentation vectors: Ed25519 seeds from RFC 8032 section 7.1. Test values"
            + " only; never use them for anything else.");
    ArrayNode keys = doc.putArray("keys");
    Map<String, Object[]> named = new LinkedHashMap<>();
    named.put("issuer", new Object[] {ISSUER, ISSUER_SEED, "RFC 8032 7.1 TEST 1024"});
    named.put("holder", new Object[] {HOLDER, HOLDER_SEED, "RFC 8032 7.1 TEST SHA(abc)"});
    named.put("stranger", new Object[] {STRANGER, STRANGER_SEED, "RFC 8032 7.1 TEST 3"});
    for (Map.Entry<String, Object[]> entry : named.entrySet()) {
      SigningKey key = (SigningKey) entry.getValue()[0];
      ObjectNode node = keys.addObject();
      node.put("name", entry.getKey());
      node.put("source", (String) entry.getValue()[2]);
      node.put("did", key.controller());
      node.put("verificationMethod", key.multikeyVerificationMethodId());
      node.put("seedHex", (String) entry.getValue()[1]);
    }
    return doc;
  }

  static String pretty(JsonNode node) {
    try {
      ObjectWriter writer = Json.mapper().writerWithDefaultPrettyPrinter();
      return writer.writeValueAsString(node).replace("\r\n", "\n") + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- keys ------------------------------------------------------------------------------------------------------

  /** An Ed25519 key whose controller is its own did:key, restored from a fixed seed. */
  static SigningKey didKey(String seedHex) {
    byte[] seed = HexFormat.of().parseHex(seedHex);
    SigningKey pending = SigningKey.restore(KeyAlgorithm.ED25519, "did:key:pending", seed);
    return SigningKey.restore(KeyAlgorithm.ED25519, "did:key:" + Multikey.encode(pending.publicJwk()), seed);
  }

  private static void checkPublished(SigningKey key, String publicHex) {
    String actual = HexFormat.of().formatHex(((OctetKeyPair) key.publicJwk()).getDecodedX());
    if (!actual.equals(publicHex)) {
      throw new IllegalStateException("the seed does not give the RFC 8032 public key " + publicHex + ": " + actual);
    }
  }

  // ---- vector files ----------------------------------------------------------------------------------------------

  /** One vector file being built. */
  static final class Vector {
    private static final List<String> ORDER =
        List.of("description", "presentation", "options", "expected", "detailContains");

    private final String name;
    private final boolean good;
    private final ObjectNode json = Json.newObject();
    private final ObjectNode details = Json.newObject();

    private Vector(String name, boolean good, String description) {
      this.name = name;
      this.good = good;
      json.put("description", description);
    }

    static Vector good(String name, String description) {
      return new Vector(name, true, description).expect("passed", "passed", "passed", "passed", true);
    }

    static Vector bad(String name, String description) {
      return new Vector(name, false, description);
    }

    Vector presentation(JsonNode presentation) {
      json.set("presentation", presentation);
      return reorder();
    }

    Vector options(String challenge, String domain) {
      ObjectNode options = json.putObject("options");
      if (challenge != null) {
        options.put("challenge", challenge);
      }
      if (domain != null) {
        options.put("domain", domain);
      }
      return reorder();
    }

    Vector holderBinding(boolean on) {
      ((ObjectNode) json.get("options")).put("holderBinding", on);
      return reorder();
    }

    /** The four presentation checks, and whether the (single) contained credential verifies. */
    Vector expect(String format, String signature, String challenge, String holder, boolean credential) {
      ObjectNode expected = json.putObject("expected");
      expected.put("verified", good);
      ObjectNode checks = expected.putObject("checks");
      checks.put("format", format);
      checks.put("signature", signature);
      checks.put("challenge", challenge);
      checks.put("holder", holder);
      expected.putArray("credentials").add(credential);
      return reorder();
    }

    Vector detail(String check, String contains) {
      details.put(check, contains);
      json.set("detailContains", details);
      return reorder();
    }

    private Vector reorder() {
      ObjectNode copy = json.deepCopy();
      json.removeAll();
      for (String field : ORDER) {
        if (copy.has(field)) {
          json.set(field, copy.get(field));
        }
      }
      return this;
    }

    String name() {
      return name;
    }

    boolean good() {
      return good;
    }

    ObjectNode json() {
      if (!json.has("expected") || !json.has("presentation") || !json.has("options")) {
        throw new IllegalStateException("vector " + name + " is incomplete");
      }
      return json;
    }
  }
}
