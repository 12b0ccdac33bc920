package org.saypro.dcop.core.vectors;

import org.saypro.dcop.core.VectorFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.saypro.dcop.core.did.DidJwkResolver;
import org.saypro.dcop.core.did.Multikey;
import org.saypro.dcop.core.json.Json;

/**
 * Writes the vc+jwt verification vectors under {@code src/test/resources/vectors/vcjwt}. Everything is fixed: the
 * keys below, the dates, and the signatures (Ed25519 is deterministic; ES256 here uses RFC 6979 deterministic
 * nonces), so running it again rewrites the same bytes. The vectors are meant for a verifier whose clock reads
 * {@link #VERIFICATION_TIME}.
 *
 * <p>Run from the repository root or the module directory:
 * {@code java -cp <test classpath> org.saypro.dcop.core.vectors.JoseVectorGenerator [output-dir]}.
 */
public final class JoseVectorGenerator {

  /** The instant the vector test's fixed clock reads. */
  public static final String VERIFICATION_TIME = "2026-06-01T00:00:00Z";

  static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
  static final String EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
  static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  // ---- Fixed test keys: published test values, never used anywhere else. ----

  /** Issuer, Ed25519 did:key: the RFC 8032 section 7.1 TEST 2 secret key. */
  static final TestKey ISSUER_ED25519 =
      TestKey.ed25519DidKey("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");

  /** Issuer, Ed25519 did:jwk: the RFC 8037 Appendix A.1 key. */
  static final TestKey ISSUER_ED25519_JWK =
      TestKey.ed25519DidJwk("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  /** Issuer, P-256 did:jwk: a W3C did:key test-vector key (did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv). */
  static final TestKey ISSUER_P256_JWK = TestKey.p256DidJwk("gPh-VvVS8MbvKQ9LSVVmfnxnKjHn4Tqj0bmbpehRlpc");

  /** Issuer, P-256 did:key: the other W3C did:key P-256 test vector. */
  static final TestKey ISSUER_P256_KEY = TestKey.p256DidKey("YjRs6vNvw4sYrzVVY8ipkEpDAD9PFqw1sUnvPRMA-WI");

  static final String ISSUER_P256_KEY_PUBLISHED = "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169";

  /** Attacker, Ed25519 did:key: the RFC 8032 section 7.1 TEST 3 secret key. */
  static final TestKey ATTACKER_ED25519 =
      TestKey.ed25519DidKey("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7");

  private JoseVectorGenerator() {}

  public static void main(String[] args) throws IOException {
    VectorFiles.replace("vcjwt", args, ".json", render());
  }

  /** Every file, by name, with its exact content. */
  public static Map<String, String> render() {
    if (!ISSUER_P256_KEY.did().equals(ISSUER_P256_KEY_PUBLISHED)) {
      throw new IllegalStateException("P-256 did:key encoding disagrees with the W3C test vector: " + ISSUER_P256_KEY.did());
    }
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
    TestKey a = ISSUER_ED25519;
    TestKey x = ATTACKER_ED25519;
    ObjectNode base = credential(a.did());
    String good = a.signVcJwt(base);
    String goodP256Jwk = ISSUER_P256_JWK.signVcJwt(credential(ISSUER_P256_JWK.did()));

    return List.of(
        // ---- good ----
        Vector.good("ed25519-did-key", "Ed25519 (EdDSA) vc+jwt by a did:key issuer").jwt(good),
        Vector.good("ed25519-did-jwk", "Ed25519 (EdDSA) vc+jwt by a did:jwk issuer (RFC 8037 key), kid did:jwk...#0")
            .jwt(ISSUER_ED25519_JWK.signVcJwt(credential(ISSUER_ED25519_JWK.did()))),
        Vector.good("es256-did-jwk", "ES256 vc+jwt by a P-256 did:jwk issuer").jwt(goodP256Jwk),
        Vector.good("es256-did-key", "ES256 vc+jwt by a P-256 did:key (zDn...) issuer, issuer as an object with a name")
            .jwt(ISSUER_P256_KEY.signVcJwt(withIssuerObject(credential(ISSUER_P256_KEY.did()), ISSUER_P256_KEY.did()))),
        Vector.good("ed25519-alg-Ed25519", "the fully specified JOSE algorithm name Ed25519 is accepted like EdDSA")
            .jwt(a.signJws(header("Ed25519", a.kid()), Json.write(base))),
        Vector.good("relative-kid", "kid '#fragment' is resolved against the credential's issuer")
            .jwt(a.signJws(header("EdDSA", "#" + a.kid().substring(a.kid().indexOf('#') + 1)), Json.write(base))),
        Vector.good("typ-application-vc-jwt", "typ application/vc+jwt is the same media type as vc+jwt")
            .jwt(a.signJws(header("EdDSA", a.kid()).put("typ", "application/vc+jwt"), Json.write(base))),
        Vector.good("valid-from-now", "validFrom equal to the verification time is already valid")
            .jwt(a.signVcJwt(dates(credential(a.did()), VERIFICATION_TIME, null))),
        Vector.good("no-validity-dates", "validFrom and validUntil are optional in VC 2.0")
            .jwt(a.signVcJwt(dates(credential(a.did()), null, null))),
        Vector.good("open-badge-ed25519", "an Open Badges 3.0 OpenBadgeCredential, checked against the bundled schema")
            .jwt(a.signVcJwt(openBadge(a.did()))),
        Vector.good("enveloped", "an EnvelopedVerifiableCredential carrying the vc+jwt as a data: URL")
            .input(enveloped(good)),
        Vector.good("data-url-string", "the vc+jwt given as a data:application/vc+jwt, URL string")
            .input(Json.mapper().getNodeFactory().textNode("data:application/vc+jwt," + goodP256Jwk)),

        // ---- tampering ----
        Vector.bad("tampered-payload", "the payload was changed after signing (subject name)")
            .jwt(replacePart(good, 1, b64(Json.write(withSubjectName(credential(a.did()), "Mallory")))))
            .expect("passed", "failed", "passed", "passed")
            .detail("signature", "does not match the signed content"),
        Vector.bad("tampered-header", "the protected header was changed after signing (cty)")
            .jwt(replacePart(good, 0, b64(Json.write(header("EdDSA", a.kid()).put("cty", "json")))))
            .expect("passed", "failed", "passed", "passed")
            .detail("signature", "does not match the signed content"),
        Vector.bad("tampered-signature", "one character of the signature flipped")
            .jwt(flipSignatureChar(good))
            .expect("passed", "failed", "passed", "passed")
            .detail("signature", "does not match the signed content"),
        Vector.bad("truncated-signature", "the signature is 63 bytes instead of 64")
            .jwt(replacePart(good, 2, b64(java.util.Arrays.copyOf(Base64.getUrlDecoder().decode(good.split("\\.")[2]), 63))))
            .expect("passed", "failed", "passed", "passed")
            .detail("signature", "does not match the signed content"),
        Vector.bad("es256-tampered-payload", "ES256: the payload was changed after signing")
            .jwt(replacePart(goodP256Jwk, 1,
                b64(Json.write(withSubjectName(credential(ISSUER_P256_JWK.did()), "Mallory")))))
            .expect("passed", "failed", "passed", "passed")
            .detail("signature", "ES256 signature does not match"),

        // ---- keys and algorithms ----
        Vector.bad("wrong-key", "kid names the issuer's key but the token is signed with another key")
            .jwt(x.signJws(header("EdDSA", a.kid()), Json.write(base)))
            .expect("passed", "failed", "passed", "passed")
            .detail("signature", "does not match the signed content for key " + a.kid()),
        Vector.bad("kid-other-did", "signed correctly by a key of another DID than the credential's issuer")
            .jwt(x.signJws(header("EdDSA", x.kid()), Json.write(base)))
            .expect("passed", "passed", "failed", "passed")
            .detail("issuer", "does not belong to the issuer " + a.did()),
        Vector.bad("jwk-header", "the header carries the attacker's public key as jwk (and is signed by it)")
            .jwt(x.signJws(header("EdDSA", a.kid()).set("jwk", jwkJson(x.publicJwk())), Json.write(base)))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "header parameter 'jwk' is refused"),
        Vector.bad("jku-header", "the header points to a key set URL (jku)")
            .jwt(x.signJws(header("EdDSA", a.kid()).put("jku", "https://attacker.example/jwks.json"), Json.write(base)))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "header parameter 'jku' is refused"),
        Vector.bad("alg-none", "alg none with an empty signature")
            .jwt(unsigned(header("none", a.kid()), Json.write(base)))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "algorithm 'none' is refused"),
        Vector.bad("alg-none-mixed-case", "alg 'None' is still none")
            .jwt(unsigned(header("None", a.kid()), Json.write(base)))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "algorithm 'none' is refused"),
        Vector.bad("hs256-public-key-bytes", "HS256 with the issuer's raw Ed25519 public key bytes as the HMAC secret")
            .jwt(hmac(header("HS256", a.kid()), Json.write(base), a.publicJwk().toOctetKeyPair().getDecodedX()))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "algorithm 'HS256' is not allowed"),
        Vector.bad("hs256-public-jwk-json", "HS256 with the issuer's public JWK JSON as the HMAC secret")
            .jwt(hmac(header("HS256", a.kid()), Json.write(base),
                a.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8)))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "algorithm 'HS256' is not allowed"),
        Vector.bad("es256-header-ed25519-key", "ES256 header naming an Ed25519 key (signed with a P-256 key)")
            .jwt(ISSUER_P256_JWK.signJws(header("ES256", a.kid()), Json.write(base)))
            .expect("passed", "failed", "passed", "passed")
            .detail("signature", "algorithm ES256 is not allowed for a OKP/Ed25519 key"),
        Vector.bad("eddsa-header-p256-key", "EdDSA header naming a P-256 key (signed with an Ed25519 key)")
            .jwt(a.signJws(header("EdDSA", ISSUER_P256_JWK.kid()), Json.write(credential(ISSUER_P256_JWK.did()))))
            .expect("passed", "failed", "passed", "passed")
            .detail("signature", "algorithm EdDSA is not allowed for a EC/P-256 key"),
        Vector.bad("alg-rs256", "RS256 is not an algorithm this service accepts")
            .jwt(replacePart(good, 0, b64(Json.write(header("RS256", a.kid())))))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "algorithm 'RS256' is not allowed"),
        Vector.bad("no-kid", "the header does not name the signing key")
            .jwt(a.signJws(header("EdDSA", null), Json.write(base)))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "no kid"),
        Vector.bad("kid-not-in-document", "kid is under the issuer's DID but names no key of its document")
            .jwt(a.signJws(header("EdDSA", a.did() + "#key-2"), Json.write(base)))
            .expect("passed", "failed", "failed", "passed")
            .detail("signature", "is not in its DID document")
            .detail("issuer", "is not listed for assertionMethod"),
        Vector.bad("kid-not-a-did-url", "kid is a bare name, not a DID URL")
            .jwt(a.signJws(header("EdDSA", "key-1"), Json.write(base)))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "is not a DID URL with a fragment"),
        Vector.bad("unsupported-did-method", "a did:web issuer cannot be resolved by the pure resolvers")
            .jwt(a.signJws(header("EdDSA", "did:web:issuer.example#key-1"), Json.write(credential("did:web:issuer.example"))))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "DID method 'web' is not supported"),
        Vector.bad("crit-header", "a critical header parameter the verifier does not understand")
            .jwt(a.signJws(header("EdDSA", a.kid()).put("exp", 1).<ObjectNode>set("crit", array("exp")), Json.write(base)))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "critical header parameters"),

        // ---- validity period ----
        Vector.bad("expired", "validUntil is before the verification time")
            .jwt(a.signVcJwt(dates(credential(a.did()), "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")))
            .expect("passed", "passed", "passed", "failed")
            .detail("validity", "expired at 2026-01-01T00:00:00Z"),
        Vector.bad("expired-at-verification-time", "validUntil equal to the verification time is already expired")
            .jwt(a.signVcJwt(dates(credential(a.did()), "2025-01-01T00:00:00Z", VERIFICATION_TIME)))
            .expect("passed", "passed", "passed", "failed")
            .detail("validity", "expired at " + VERIFICATION_TIME),
        Vector.bad("not-yet-valid", "validFrom is after the verification time")
            .jwt(a.signVcJwt(dates(credential(a.did()), "2027-01-01T00:00:00Z", "2030-01-01T00:00:00Z")))
            .expect("passed", "passed", "passed", "failed")
            .detail("validity", "not valid before 2027-01-01T00:00:00Z"),

        // ---- format ----
        Vector.bad("missing-credential-subject", "the signed credential has no credentialSubject")
            .jwt(a.signVcJwt(without(credential(a.did()), "credentialSubject")))
            .expect("failed", "passed", "skipped", "skipped")
            .detail("format", "/credentialSubject is required"),
        Vector.bad("missing-issuer", "the signed credential has no issuer")
            .jwt(a.signVcJwt(without(credential(a.did()), "issuer")))
            .expect("failed", "passed", "skipped", "skipped")
            .detail("format", "/issuer is required"),
        Vector.bad("validfrom-without-timezone", "validFrom has no time zone")
            .jwt(a.signVcJwt(dates(credential(a.did()), "2026-01-01T00:00:00", null)))
            .expect("failed", "passed", "skipped", "skipped")
            .detail("format", "/validFrom must be a date-time with a time zone"),
        Vector.bad("vc11-vc-claim", "a VC 1.1 style JWT: the credential inside a vc claim")
            .jwt(a.signJws(header("EdDSA", a.kid()), Json.write(vc11Claims(a.did()))))
            .expect("failed", "passed", "skipped", "skipped")
            .detail("format", "/vc a VC 1.1 JWT"),
        Vector.bad("unknown-context", "an @context that is not known (contexts are never fetched)")
            .jwt(a.signVcJwt(withContext(credential(a.did()), "https://attacker.example/context/v1")))
            .expect("failed", "passed", "skipped", "skipped")
            .detail("format", "/@context/2 unknown context"),
        Vector.bad("open-badge-missing-achievement", "an OpenBadgeCredential whose subject has no achievement")
            .jwt(a.signVcJwt(withoutAchievement(openBadge(a.did()))))
            .expect("failed", "passed", "skipped", "skipped")
            .detail("format", "/credentialSubject Open Badges 3.0 schema"),
        Vector.bad("typ-jwt", "typ JWT instead of vc+jwt")
            .jwt(a.signJws(header("EdDSA", a.kid()).put("typ", "JWT"), Json.write(base)))
            .expect("failed", "passed", "passed", "passed")
            .detail("format", "typ is 'JWT', not vc+jwt"),
        Vector.bad("payload-not-json", "a correctly signed JWS whose payload is not JSON")
            .jwt(a.signJws(header("EdDSA", a.kid()), "Example of Ed25519 signing".getBytes(StandardCharsets.US_ASCII)))
            .expect("failed", "passed", "skipped", "skipped")
            .detail("format", "the JWT payload is not JSON"),
        Vector.bad("payload-duplicate-keys", "a signed payload with the issuer key twice (two readers, two issuers)")
            .jwt(a.signJws(header("EdDSA", a.kid()), duplicateIssuerPayload(a.did(), x.did())))
            .expect("failed", "passed", "skipped", "skipped")
            .detail("format", "the JWT payload is not JSON"),
        Vector.bad("unsecured-credential", "a credential JSON with no proof and no envelope")
            .input(credential(a.did()))
            .expect("passed", "failed", "skipped", "passed")
            .detail("signature", "carries no proof"),
        Vector.bad("data-integrity-proof", "a credential with a forged Data Integrity proof naming the issuer's key")
            .input(withDataIntegrityProof(credential(a.did()), a.kid()))
            .expect("passed", "failed", "passed", "passed")
            .detail("signature", "Data Integrity proof does not match the document"),
        Vector.bad("garbage", "text that is not a JWS at all")
            .jwt("this is not a JWS")
            .expect("failed", "skipped", "skipped", "skipped")
            .detail("format", "exactly three dot-separated parts"),
        Vector.bad("garbage-four-parts", "four dot-separated parts")
            .jwt(good + ".AAAA")
            .expect("failed", "skipped", "skipped", "skipped")
            .detail("format", "exactly three dot-separated parts"),
        Vector.bad("garbage-not-base64url", "three parts, one of which is not base64url")
            .jwt("eyJhbGciOiJFZERTQSJ9.e30.@@@@")
            .expect("failed", "skipped", "skipped", "skipped")
            .detail("format", "not base64url"),
        Vector.bad("garbage-header-not-json", "three base64url parts whose header is not JSON")
            .jwt("bm90IGpzb24.e30.AAAA")
            .expect("failed", "skipped", "skipped", "skipped")
            .detail("format", "the protected header is not JSON"),
        Vector.bad("garbage-header-array", "a header that is JSON but not an object")
            .jwt(b64("[\"EdDSA\"]".getBytes(StandardCharsets.US_ASCII)) + ".e30.AAAA")
            .expect("failed", "skipped", "skipped", "skipped")
            .detail("format", "not a JSON object"));
  }

  // ---- credentials ----------------------------------------------------------------------------------------------

  static ObjectNode credential(String issuer) {
    ObjectNode c = Json.newObject();
    c.set("@context", array(CREDENTIALS_V2, EXAMPLES_V2));
    c.put("id", "urn:uuid:0b6f5a5e-8a0c-4c5e-9d44-1c1d2f3a4b5c");
    c.set("type", array("VerifiableCredential", "ExampleDegreeCredential"));
    c.put("issuer", issuer);
    c.put("validFrom", "2026-01-01T00:00:00Z");
    c.put("validUntil", "2031-01-01T00:00:00Z");
    ObjectNode subject = c.putObject("credentialSubject");
    subject.put("id", "did:example:ebfeb1f712ebc6f1c276e12ec21");
    subject.put("name", "Alice");
    subject.putObject("degree").put("type", "ExampleBachelorDegree").put("name", "Bachelor of Science and Arts");
    return c;
  }

  static ObjectNode openBadge(String issuer) {
    ObjectNode c = Json.newObject();
    c.set("@context", array(CREDENTIALS_V2, OB_CONTEXT));
    c.put("id", "urn:uuid:3c1e7a52-2f4e-4d3b-a1c9-7f0e8d6b5a41");
    c.set("type", array("VerifiableCredential", "OpenBadgeCredential"));
    ObjectNode profile = c.putObject("issuer");
    profile.put("id", issuer);
    profile.set("type", array("Profile"));
    profile.put("name", "Example Community of Practice");
    c.put("validFrom", "2026-01-01T00:00:00Z");
    c.put("name", "Peer Mentor");
    ObjectNode subject = c.putObject("credentialSubject");
    subject.put("id", "did:example:ebfeb1f712ebc6f1c276e12ec21");
    subject.set("type", array("AchievementSubject"));
    ObjectNode achievement = subject.putObject("achievement");
    achievement.put("id", "https://example.org/achievements/peer-mentor");
    achievement.set("type", array("Achievement"));
    achievement.put("name", "Peer Mentor");
    achievement.put("description", "Mentored three newcomers through their first project.");
    achievement.putObject("criteria").put("narrative", "Mentor three newcomers for at least four weeks each.");
    return c;
  }

  private static ObjectNode withIssuerObject(ObjectNode c, String did) {
    ObjectNode issuer = Json.newObject();
    issuer.put("id", did);
    issuer.put("name", "Example University");
    c.set("issuer", issuer);
    return c;
  }

  private static ObjectNode withSubjectName(ObjectNode c, String name) {
    ((ObjectNode) c.get("credentialSubject")).put("name", name);
    return c;
  }

  private static ObjectNode dates(ObjectNode c, String validFrom, String validUntil) {
    c.remove("validFrom");
    c.remove("validUntil");
    if (validFrom != null) {
      c.put("validFrom", validFrom);
    }
    if (validUntil != null) {
      c.put("validUntil", validUntil);
    }
    return c;
  }

  private static ObjectNode without(ObjectNode c, String field) {
    c.remove(field);
    return c;
  }

  private static ObjectNode withContext(ObjectNode c, String context) {
    ((ArrayNode) c.get("@context")).add(context);
    return c;
  }

  private static ObjectNode withoutAchievement(ObjectNode c) {
    ((ObjectNode) c.get("credentialSubject")).remove("achievement");
    return c;
  }

  private static ObjectNode withDataIntegrityProof(ObjectNode c, String verificationMethod) {
    ObjectNode proof = c.putObject("proof");
    proof.put("type", "DataIntegrityProof");
    proof.put("cryptosuite", "eddsa-rdfc-2022");
    proof.put("created", "2026-01-01T00:00:00Z");
    proof.put("verificationMethod", verificationMethod);
    proof.put("proofPurpose", "assertionMethod");
    proof.put("proofValue", "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKdJNRZGR6vQZjsUQ2");
    return c;
  }

  private static ObjectNode vc11Claims(String issuer) {
    ObjectNode claims = Json.newObject();
    claims.put("iss", issuer);
    claims.put("sub", "did:example:ebfeb1f712ebc6f1c276e12ec21");
    claims.put("nbf", 1767225600L);
    claims.put("jti", "urn:uuid:0b6f5a5e-8a0c-4c5e-9d44-1c1d2f3a4b5c");
    ObjectNode vc = claims.putObject("vc");
    vc.set("@context", array("https://www.w3.org/2018/credentials/v1"));
    vc.set("type", array("VerifiableCredential"));
    vc.putObject("credentialSubject").put("name", "Alice");
    return claims;
  }

  /** A payload whose {@code issuer} member appears twice: the first names the attacker, the second the issuer. */
  private static byte[] duplicateIssuerPayload(String issuer, String attacker) {
    String json = Json.writeString(credential(issuer));
    String withDuplicate = json.replace("\"issuer\":", "\"issuer\":\"" + attacker + "\",\"issuer\":");
    return withDuplicate.getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode enveloped(String jwt) {
    ObjectNode json = Json.newObject();
    json.put("@context", CREDENTIALS_V2);
    json.put("id", "data:application/vc+jwt," + jwt);
    json.put("type", "EnvelopedVerifiableCredential");
    return json;
  }

  // ---- JOSE ------------------------------------------------------------------------------------------------------

  static ObjectNode header(String alg, String kid) {
    ObjectNode h = Json.newObject();
    h.put("alg", alg);
    h.put("typ", "vc+jwt");
    h.put("cty", "vc");
    if (kid != null) {
      h.put("kid", kid);
    }
    return h;
  }

  private static String unsigned(ObjectNode header, byte[] payload) {
    return b64(Json.write(header)) + "." + b64(payload) + ".";
  }

  private static String hmac(ObjectNode header, byte[] payload, byte[] secret) {
    String signingInput = b64(Json.write(header)) + "." + b64(payload);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String replacePart(String compact, int index, String replacement) {
    String[] parts = compact.split("\\.", -1);
    parts[index] = replacement;
    return String.join(".", parts);
  }

  /** Flips one character in the middle of the signature (the last one may only carry padding bits). */
  private static String flipSignatureChar(String compact) {
    String[] parts = compact.split("\\.", -1);
    char[] signature = parts[2].toCharArray();
    int i = signature.length / 2;
    signature[i] = signature[i] == 'A' ? 'B' : 'A';
    parts[2] = new String(signature);
    return String.join(".", parts);
  }

  private static JsonNode jwkJson(JWK jwk) {
    return Json.parse(jwk.toPublicJWK().toJSONString());
  }

  static ArrayNode array(String... values) {
    ArrayNode array = Json.mapper().createArrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static ObjectNode keysDocument() {
    ObjectNode doc = Json.newObject();
    doc.put("description", "Test keys of the vc+jwt vectors (published test values; never use them for anything real)");
    doc.put("verificationTime", VERIFICATION_TIME);
    ArrayNode keys = doc.putArray("keys");
    Map<String, TestKey> named = new LinkedHashMap<>();
    named.put("issuer Ed25519 did:key (RFC 8032 TEST 2)", ISSUER_ED25519);
    named.put("issuer Ed25519 did:jwk (RFC 8037 A.1)", ISSUER_ED25519_JWK);
    named.put("issuer P-256 did:jwk (W3C did:key test vector zDnaerx9...)", ISSUER_P256_JWK);
    named.put("issuer P-256 did:key (W3C did:key test vector zDnaerDa...)", ISSUER_P256_KEY);
    named.put("attacker Ed25519 did:key (RFC 8032 TEST 3)", ATTACKER_ED25519);
    for (Map.Entry<String, TestKey> entry : named.entrySet()) {
      ObjectNode key = keys.addObject();
      key.put("name", entry.getKey());
      key.put("did", entry.getValue().did());
      key.put("kid", entry.getValue().kid());
      key.set("privateJwk", Json.parse(entry.getValue().privateJwk().toJSONString()));
    }
    return doc;
  }

  private static String pretty(JsonNode node) {
    try {
      ObjectWriter writer = Json.mapper().writerWithDefaultPrettyPrinter();
      return writer.writeValueAsString(node).replace("\r\n", "\n") + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- keys ------------------------------------------------------------------------------------------------------

  /** A fixed test key with the DID and kid it is published under. */
  record TestKey(String did, String kid, JWK privateJwk, Ed25519PrivateKeyParameters ed25519, BigInteger p256) {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
        new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());

    static TestKey ed25519DidKey(String seedHex) {
      Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(HexFormat.of().parseHex(seedHex), 0);
      byte[] x = key.generatePublicKey().getEncoded();
      String multibase = Multikey.ed25519(x);
      String did = "did:key:" + multibase;
      return new TestKey(did, did + "#" + multibase, okp(key), key, null);
    }

    static TestKey ed25519DidJwk(String seedHex) {
      Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(HexFormat.of().parseHex(seedHex), 0);
      JWK jwk = okp(key);
      String did = DidJwkResolver.didFor(jwk);
      return new TestKey(did, did + "#0", jwk, key, null);
    }

    static TestKey p256DidJwk(String dBase64Url) {
      BigInteger d = new BigInteger(1, new Base64URL(dBase64Url).decode());
      JWK jwk = ec(d);
      String did = DidJwkResolver.didFor(jwk);
      return new TestKey(did, did + "#0", jwk, null, d);
    }

    static TestKey p256DidKey(String dBase64Url) {
      BigInteger d = new BigInteger(1, new Base64URL(dBase64Url).decode());
      ECPoint q = DOMAIN.getG().multiply(d).normalize();
      byte[] multicodec = new byte[35];
      multicodec[0] = (byte) 0x80;
      multicodec[1] = 0x24;
      System.arraycopy(q.getEncoded(true), 0, multicodec, 2, 33);
      String multibase = "z" + base58(multicodec);
      String did = "did:key:" + multibase;
      return new TestKey(did, did + "#" + multibase, ec(d), null, d);
    }

    JWK publicJwk() {
      return privateJwk.toPublicJWK();
    }

    String signVcJwt(ObjectNode credential) {
      return signJws(header(ed25519 != null ? "EdDSA" : "ES256", kid), Json.write(credential));
    }

    String signJws(ObjectNode header, byte[] payload) {
      String signingInput = b64(Json.write(header)) + "." + b64(payload);
      byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
      return signingInput + "." + b64(ed25519 != null ? signEd25519(input) : signEs256(input));
    }

    private byte[] signEd25519(byte[] input) {
      byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
      ed25519.sign(Ed25519.Algorithm.Ed25519, null, input, 0, input.length, signature, 0);
      return signature;
    }

    /** ES256 with RFC 6979 deterministic nonces, so the vectors regenerate byte for byte. */
    private byte[] signEs256(byte[] input) {
      SHA256Digest digest = new SHA256Digest();
      digest.update(input, 0, input.length);
      byte[] hash = new byte[32];
      digest.doFinal(hash, 0);
      ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      signer.init(true, new ECPrivateKeyParameters(p256, DOMAIN));
      BigInteger[] rs = signer.generateSignature(hash);
      byte[] out = new byte[64];
      copyUnsigned(rs[0], out, 0);
      copyUnsigned(rs[1], out, 32);
      return out;
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
      byte[] raw = value.toByteArray();
      int length = Math.min(raw.length, 32);
      System.arraycopy(raw, raw.length - length, out, offset + 32 - length, length);
    }

    private static JWK okp(Ed25519PrivateKeyParameters key) {
      return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(key.generatePublicKey().getEncoded()))
          .d(Base64URL.encode(key.getEncoded()))
          .build();
    }

    private static JWK ec(BigInteger d) {
      ECPoint q = DOMAIN.getG().multiply(d).normalize();
      byte[] dBytes = new byte[32];
      copyUnsigned(d, dBytes, 0);
      return new ECKey.Builder(
              Curve.P_256,
              Base64URL.encode(q.getAffineXCoord().getEncoded()),
              Base64URL.encode(q.getAffineYCoord().getEncoded()))
          .d(Base64URL.encode(dBytes))
          .build();
    }

    private static String base58(byte[] data) {
      String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
      StringBuilder out = new StringBuilder();
      BigInteger value = new BigInteger(1, data);
      BigInteger base = BigInteger.valueOf(58);
      while (value.signum() > 0) {
        BigInteger[] qr = value.divideAndRemainder(base);
        out.append(alphabet.charAt(qr[1].intValue()));
        value = qr[0];
      }
      for (int i = 0; i < data.length && data[i] == 0; i++) {
        out.append('1');
      }
      return out.reverse().toString();
    }
  }

  // ---- vector files ----------------------------------------------------------------------------------------------

  /** One vector file being built. */
  static final class Vector {
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
      return new Vector(name, true, description).expect("passed", "passed", "passed", "passed");
    }

    static Vector bad(String name, String description) {
      return new Vector(name, false, description);
    }

    Vector jwt(String compact) {
      json.put("jwt", compact);
      return reorder();
    }

    Vector input(JsonNode input) {
      json.set("input", input);
      return reorder();
    }

    Vector expect(String format, String signature, String issuer, String validity) {
      ObjectNode expected = json.putObject("expected");
      expected.put("verified", good);
      ObjectNode checks = expected.putObject("checks");
      checks.put("format", format);
      checks.put("signature", signature);
      checks.put("issuer", issuer);
      checks.put("validity", validity);
      return reorder();
    }

    Vector detail(String check, String contains) {
      details.put(check, contains);
      json.set("detailContains", details);
      return reorder();
    }

    /** Keeps the members in reading order: description, jwt/input, expected, detailContains. */
    private Vector reorder() {
      ObjectNode copy = json.deepCopy();
      json.removeAll();
      for (String field : List.of("description", "jwt", "input", "expected", "detailContains")) {
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
      if (!json.has("expected") || !(json.has("jwt") || json.has("input"))) {
        throw new IllegalStateException("vector " + name + " is incomplete");
      }
      return json;
    }
  }
}
