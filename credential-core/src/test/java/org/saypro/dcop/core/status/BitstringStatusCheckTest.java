package org.saypro.dcop.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.TestCredentials;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.did.MethodRoutingResolver;
import org.saypro.dcop.core.dataintegrity.Cryptosuite;
import org.saypro.dcop.core.dataintegrity.ProofOptions;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * The {@code status} check inside a whole verification: credentials and lists signed with did:key keys, lists served
 * from an in-memory table (the fetching adapter has its own tests; this is the port's test double, not the network).
 */
class BitstringStatusCheckTest {

  private static final String REVOCATION_LIST = "https://issuer.example/status/revocation-1";
  private static final String SUSPENSION_LIST = "https://issuer.example/status/suspension-1";
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private final SigningKey issuer = SigningKey.generateDidKey(KeyAlgorithm.ED25519);
  private final SigningKey someoneElse = SigningKey.generateDidKey(KeyAlgorithm.ED25519);
  private final Map<String, String> served = new HashMap<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final CredentialValidator validator = CredentialValidator.withBundledSchemas();
  private final DataIntegrity dataIntegrity = new DataIntegrity(RdfCanonicalizer.bundled());
  private final CredentialVerifier lists =
      new CredentialVerifier(validator, MethodRoutingResolver.pureMethodsAnd(Map.of()), Clock.fixed(NOW, ZoneOffset.UTC));
  private StatusChangeTimes times = StatusChangeTimes.NONE;

  private CredentialVerifier verifier() {
    FetchStatusList fetch = url -> {
      fetches.incrementAndGet();
      String body = served.get(url);
      return body == null ? new FetchStatusList.Fetched.Unreachable("connection refused")
          : new FetchStatusList.Fetched.Found(body);
    };
    return new CredentialVerifier(validator, MethodRoutingResolver.pureMethodsAnd(Map.of()), dataIntegrity,
        Clock.fixed(NOW, ZoneOffset.UTC), Optional.empty(),
        Optional.of(new BitstringStatusCheck(fetch, lists::verify, times)));
  }

  @Test
  void unsetBitsPass() {
    serve(REVOCATION_LIST, issuer, "revocation");
    serve(SUSPENSION_LIST, issuer, "suspension");
    VerificationReport report = verify(credential(issuer, 7, 9));
    assertTrue(report.verified(), report.checks().toString());
    CheckResult status = report.check(Checks.STATUS).orElseThrow();
    assertEquals(CheckResult.Status.PASSED, status.status());
    assertEquals("not revoked; not suspended (per the issuer's signed status lists)", status.detail());
    assertEquals(2, fetches.get(), "each list once");
  }

  @Test
  void aRevokedCredentialFailsAndSaysWhenWhenTheLogKnows() {
    serve(REVOCATION_LIST, issuer, "revocation", 7);
    serve(SUSPENSION_LIST, issuer, "suspension");
    times = (url, index) -> url.equals(REVOCATION_LIST) && index == 7
        ? Optional.of(new StatusChangeTimes.Recorded(Instant.parse("2026-05-01T10:00:00Z"), OptionalLong.of(42)))
        : Optional.empty();
    VerificationReport report = verify(credential(issuer, 7, 9));
    assertFalse(report.verified());
    CheckResult status = report.check(Checks.STATUS).orElseThrow();
    assertEquals(CheckResult.Status.FAILED, status.status());
    assertEquals("revoked since 2026-05-01T10:00:00Z (entry 42 of the transparency log)", status.detail());
  }

  @Test
  void aSuspendedCredentialFails() {
    serve(REVOCATION_LIST, issuer, "revocation");
    serve(SUSPENSION_LIST, issuer, "suspension", 9);
    CheckResult status = verify(credential(issuer, 7, 9)).check(Checks.STATUS).orElseThrow();
    assertEquals(CheckResult.Status.FAILED, status.status());
    assertEquals("suspended", status.detail());
  }

  @Test
  void aListSignedByAnotherIssuerIsRejected() {
    serve(REVOCATION_LIST, someoneElse, "revocation");
    serve(SUSPENSION_LIST, issuer, "suspension");
    VerificationReport report = verify(credential(issuer, 7, 9));
    assertFalse(report.verified());
    CheckResult status = report.check(Checks.STATUS).orElseThrow();
    assertEquals(CheckResult.Status.FAILED, status.status());
    assertTrue(status.detail().contains("is issued by " + someoneElse.controller() + ", not by the credential's issuer "
        + issuer.controller()), status.detail());
  }

  @Test
  void aListClaimingTheIssuerButSignedByAnotherKeyDoesNotVerify() {
    ObjectNode unsigned = StatusListCredentialBuilder
        .forList(REVOCATION_LIST, issuer.controller(), "revocation", NOW.minusSeconds(60))
        .build(Bitstring.forNewList(Bitstring.MIN_ENTRIES));
    // signed with someone else's key but naming our issuer: the signature's key does not belong to the issuer
    served.put(REVOCATION_LIST, Json.writeString(sign(unsigned, someoneElse)));
    serve(SUSPENSION_LIST, issuer, "suspension");
    CheckResult status = verify(credential(issuer, 7, 9)).check(Checks.STATUS).orElseThrow();
    assertEquals(CheckResult.Status.FAILED, status.status());
    assertTrue(status.detail().contains("does not verify"), status.detail());
  }

  @Test
  void anUnreachableListIsIndeterminateAndNeverVerified() {
    serve(SUSPENSION_LIST, issuer, "suspension");
    VerificationReport report = verify(credential(issuer, 7, 9));
    CheckResult status = report.check(Checks.STATUS).orElseThrow();
    assertEquals(CheckResult.Status.INDETERMINATE, status.status(), report.checks().toString());
    assertTrue(status.detail().contains("connection refused"), status.detail());
    assertFalse(report.verified(), "nobody can say it was not revoked");
  }

  @Test
  void aCredentialWithoutStatusIsSkipped() {
    ObjectNode json = TestCredentials.example(issuer.controller());
    VerificationReport report = verifier().verify(new SecuredInput.DataIntegrity(sign(json, issuer)));
    assertEquals(CheckResult.Status.SKIPPED, report.check(Checks.STATUS).orElseThrow().status());
    assertTrue(report.verified());
    assertEquals(0, fetches.get());
  }

  @Test
  void aForgedCredentialNeverMakesTheVerifierFetch() {
    ObjectNode signedByOther = sign(credentialJson(issuer, 7, 9), someoneElse);
    VerificationReport report = verifier().verify(new SecuredInput.DataIntegrity(signedByOther));
    assertEquals(CheckResult.Status.SKIPPED, report.check(Checks.STATUS).orElseThrow().status());
    assertEquals(0, fetches.get());
  }

  @Test
  void aWrongPurposeIsAMismatch() {
    serve(REVOCATION_LIST, issuer, "suspension");
    serve(SUSPENSION_LIST, issuer, "suspension");
    CheckResult status = verify(credential(issuer, 7, 9)).check(Checks.STATUS).orElseThrow();
    assertEquals(CheckResult.Status.FAILED, status.status());
    assertTrue(status.detail().startsWith("revocation: "), status.detail());
  }

  private VerificationReport verify(ObjectNode signed) {
    return verifier().verify(new SecuredInput.DataIntegrity(signed));
  }

  private ObjectNode credential(SigningKey key, int revocationIndex, int suspensionIndex) {
    return sign(credentialJson(key, revocationIndex, suspensionIndex), key);
  }

  private ObjectNode sign(ObjectNode unsigned, SigningKey key) {
    try {
      return dataIntegrity.sign(unsigned, key,
          ProofOptions.assertion(Cryptosuite.EDDSA_RDFC_2022, key.multikeyVerificationMethodId(), NOW.minusSeconds(60)));
    } catch (CanonicalizationException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode credentialJson(SigningKey key, int revocationIndex, int suspensionIndex) {
    ObjectNode json = TestCredentials.example(key.controller());
    var statuses = json.putArray("credentialStatus");
    statuses.add(BitstringStatusListEntry.of(REVOCATION_LIST, "revocation", revocationIndex).toJson());
    statuses.add(BitstringStatusListEntry.of(SUSPENSION_LIST, "suspension", suspensionIndex).toJson());
    return json;
  }

  private void serve(String url, SigningKey signer, String purpose, int... set) {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    for (int index : set) {
      bits.set(index, true);
    }
    ObjectNode unsigned =
        StatusListCredentialBuilder.forList(url, signer.controller(), purpose, NOW.minusSeconds(60)).build(bits);
    served.put(url, Json.writeString(sign(unsigned, signer)));
  }
}
