package org.saypro.dcop.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saypro.dcop.core.anchor.CheckAnchor;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.dataintegrity.ProofOptions;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.did.DidDocument;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.did.VerificationMethod;
import org.saypro.dcop.core.jose.CompactJws;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.json.MalformedJsonException;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.core.validation.Validation;

/**
 * Runs the named checks on a secured credential. Each check is evaluated on its own evidence: a signature is
 * checked over the signed bytes even when the payload is not a valid credential, so one flipped character
 * reports exactly what broke.
 */
public final class CredentialVerifier {

  private final CredentialValidator validator;
  private final JwsSignatureCheck signatureCheck;
  private final DataIntegritySignatureCheck dataIntegrityCheck;
  private final Clock clock;
  private final Optional<CheckAnchor> anchorCheck;
  private final Optional<CheckStatus> statusCheck;

  public CredentialVerifier(CredentialValidator validator, ResolveDid resolveDid, Clock clock) {
    this(validator, resolveDid, new DataIntegrity(RdfCanonicalizer.bundled()), clock);
  }

  public CredentialVerifier(
      CredentialValidator validator, ResolveDid resolveDid, DataIntegrity dataIntegrity, Clock clock) {
    this(validator, resolveDid, dataIntegrity, clock, Optional.empty());
  }

  /** @param anchorCheck adds the {@code anchor} check (transparency log and ledger) when present */
  public CredentialVerifier(
      CredentialValidator validator,
      ResolveDid resolveDid,
      DataIntegrity dataIntegrity,
      Clock clock,
      Optional<CheckAnchor> anchorCheck) {
    this(validator, resolveDid, dataIntegrity, clock, anchorCheck, Optional.empty());
  }

  /**
   * @param anchorCheck adds the {@code anchor} check (transparency log and ledger) when present
   * @param statusCheck adds the {@code status} check (revocation and suspension) when present
   */
  public CredentialVerifier(
      CredentialValidator validator,
      ResolveDid resolveDid,
      DataIntegrity dataIntegrity,
      Clock clock,
      Optional<CheckAnchor> anchorCheck,
      Optional<CheckStatus> statusCheck) {
    this.statusCheck = statusCheck;
    this.validator = validator;
    this.signatureCheck = new JwsSignatureCheck(resolveDid);
    this.dataIntegrityCheck = new DataIntegritySignatureCheck(resolveDid, dataIntegrity);
    this.clock = clock;
    this.anchorCheck = anchorCheck;
  }

  /**
   * Adds the status and anchor checks. Both may reach out to the network, so both run on what the issuer vouched for
   * only: a credential whose signature or issuer was not confirmed never makes the verifier fetch anything.
   */
  private List<CheckResult> withStatusAndAnchor(
      List<CheckResult> checks, byte[] securedForm, Optional<Credential> credential) {
    boolean issuerConfirmed =
        checks.stream().anyMatch(c -> c.check().equals(Checks.ISSUER) && c.status() == CheckResult.Status.PASSED);
    Optional<Credential> confirmed = credential.filter(c -> issuerConfirmed);
    List<CheckResult> all = new ArrayList<>(checks);
    statusCheck.ifPresent(status -> all.add(
        confirmed.map(status::check).orElseGet(() -> new CheckResult.Skipped(
            Checks.STATUS, "not checked: the credential's signature and issuer were not confirmed"))));
    anchorCheck.ifPresent(anchor -> all.add(anchor.check(Json.sha256(securedForm), confirmed.map(c -> c.issuer().id()))));
    return all;
  }

  public VerificationReport verify(SecuredInput input) {
    if (input instanceof SecuredInput.VcJwt jwt) {
      return verifyVcJwt(jwt.compact());
    }
    if (input instanceof SecuredInput.DataIntegrity di) {
      return verifyDataIntegrity(di.credential());
    }
    return unsecured(((SecuredInput.Unsecured) input).credential());
  }

  private VerificationReport verifyVcJwt(String compact) {
    CompactJws.Parsed parsed = CompactJws.parse(compact);
    if (parsed instanceof CompactJws.Parsed.Malformed malformed) {
      return new VerificationReport(
          List.of(
              new CheckResult.Failed(Checks.FORMAT, "not a compact JWS: " + malformed.reason()),
              new CheckResult.Skipped(Checks.SIGNATURE, "there is no signature to check"),
              new CheckResult.Skipped(Checks.ISSUER, "there is no readable issuer"),
              new CheckResult.Skipped(Checks.VALIDITY, "there are no readable validity dates")),
          Optional.empty());
    }
    CompactJws jws = ((CompactJws.Parsed.Jws) parsed).jws();
    List<CheckResult> checks = new ArrayList<>(4);

    Validation validation = readPayload(jws);
    checks.add(formatResult(jws, validation));
    Optional<Credential> credential = credentialOf(validation);

    SignatureOutcome signature = signatureCheck.check(jws, credential.map(c -> c.issuer().id()));
    checks.add(signature.result());
    checks.add(issuerResult(credential, signature));
    checks.add(validityResult(credential));
    return new VerificationReport(
        withStatusAndAnchor(checks, compact.getBytes(java.nio.charset.StandardCharsets.US_ASCII), credential), credential);
  }

  private Validation readPayload(CompactJws jws) {
    JsonNode payload;
    try {
      payload = Json.parse(jws.payload());
    } catch (MalformedJsonException e) {
      return new Validation.Invalid(List.of(new FieldError("", "the JWT payload is not JSON")));
    }
    if (payload.has("vc")) {
      return new Validation.Invalid(
          List.of(new FieldError("/vc", "a VC 1.1 JWT (vc claim); vc+jwt carries the credential as the payload")));
    }
    return validator.validate(payload);
  }

  private static CheckResult formatResult(CompactJws jws, Validation validation) {
    Optional<String> type = jws.headerString("typ");
    if (type.isPresent()
        && !type.get().equals(VcJwtSigner.MEDIA_TYPE)
        && !type.get().equals("application/" + VcJwtSigner.MEDIA_TYPE)) {
      return new CheckResult.Failed(Checks.FORMAT, "the JOSE header typ is '" + type.get() + "', not vc+jwt");
    }
    return formatResult(validation, "a VC Data Model 2.0 credential secured as vc+jwt");
  }

  private static CheckResult issuerResult(Optional<Credential> credential, SignatureOutcome signature) {
    if (credential.isEmpty()) {
      return new CheckResult.Skipped(Checks.ISSUER, "the credential could not be read, so its issuer is unknown");
    }
    String issuer = credential.get().issuer().id();
    String name = credential.get().issuer().name().map(n -> " (" + n + ")").orElse("");
    if (signature.keyId().isEmpty() || signature.signerDocument().isEmpty()) {
      return new CheckResult.Skipped(
          Checks.ISSUER, "the signing key was not looked up, because the signature check refused the token first");
    }
    String keyId = signature.keyId().get();
    if (keyId.startsWith("https://") || keyId.startsWith("http://")) {
      return keyDocumentIssuerResult(keyId, issuer, name, signature.signerDocument().get());
    }
    if (!keyId.startsWith(issuer + "#")) {
      return new CheckResult.Failed(
          Checks.ISSUER, "signed with key " + keyId + ", which does not belong to the issuer " + issuer);
    }
    Optional<Instant> revoked = signature.signerDocument().get().method(keyId).flatMap(VerificationMethod::revoked);
    if (revoked.isPresent()) {
      // whatever the key signed is refused, whenever it was signed: a stolen key can sign with any date (ADR 14)
      return new CheckResult.Failed(
          Checks.ISSUER, "key " + keyId + " was revoked by the issuer " + issuer + " on " + revoked.get()
              + ": credentials signed with it are no longer accepted");
    }
    if (!signature.signerDocument().get().mayAssert(keyId)) {
      return new CheckResult.Failed(
          Checks.ISSUER, "key " + keyId + " is not listed for assertionMethod in the issuer's DID document");
    }
    return new CheckResult.Passed(
        Checks.ISSUER, "key " + keyId + " is an assertion key of the issuer " + issuer + name);
  }

  /**
   * A key document at a URL binds to the issuer when it names the issuer as controller and is served from the
   * issuer's own origin: whoever controls the issuer's web origin controls its keys.
   */
  private static CheckResult keyDocumentIssuerResult(String keyId, String issuer, String name, DidDocument document) {
    Optional<VerificationMethod> method = document.method(keyId);
    if (method.isEmpty()) {
      return new CheckResult.Failed(Checks.ISSUER, "key " + keyId + " was not found");
    }
    if (!method.get().controller().equals(issuer)) {
      return new CheckResult.Failed(
          Checks.ISSUER, "key document " + keyId + " is controlled by " + method.get().controller() + ", not the issuer "
              + issuer);
    }
    if (!sameOrigin(keyId, issuer)) {
      return new CheckResult.Failed(
          Checks.ISSUER, "key document " + keyId + " is not served from the issuer's own origin " + issuer);
    }
    return new CheckResult.Passed(
        Checks.ISSUER, "key document " + keyId + " on the issuer's origin is controlled by the issuer " + issuer + name);
  }

  private static boolean sameOrigin(String a, String b) {
    try {
      java.net.URI x = java.net.URI.create(a);
      java.net.URI y = java.net.URI.create(b);
      return x.getScheme() != null && x.getScheme().equals(y.getScheme()) && x.getHost() != null
          && x.getHost().equalsIgnoreCase(y.getHost()) && x.getPort() == y.getPort();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private CheckResult validityResult(Optional<Credential> credential) {
    if (credential.isEmpty()) {
      return new CheckResult.Skipped(Checks.VALIDITY, "the credential could not be read, so its dates are unknown");
    }
    Instant now = clock.instant();
    Credential c = credential.get();
    if (c.validFrom().isPresent() && now.isBefore(c.validFrom().get())) {
      return new CheckResult.Failed(Checks.VALIDITY, "not valid before " + c.validFrom().get());
    }
    if (c.validUntil().isPresent() && !now.isBefore(c.validUntil().get())) {
      return new CheckResult.Failed(Checks.VALIDITY, "expired at " + c.validUntil().get());
    }
    String from = c.validFrom().map(t -> "from " + t).orElse("with no start date");
    String until = c.validUntil().map(t -> " until " + t).orElse(" with no expiry");
    return new CheckResult.Passed(Checks.VALIDITY, "valid " + from + until);
  }

  private VerificationReport verifyDataIntegrity(JsonNode json) {
    Validation validation = validator.validate(json);
    Optional<Credential> credential = credentialOf(validation);
    SignatureOutcome signature =
        json.isObject()
            ? dataIntegrityCheck.check((ObjectNode) json, ProofOptions.ASSERTION_METHOD)
            : SignatureOutcome.refused("the credential is not a JSON object");
    return new VerificationReport(
        withStatusAndAnchor(
            List.of(
                formatResult(validation, "a VC Data Model 2.0 credential secured with a Data Integrity proof"),
                signature.result(),
                issuerResult(credential, signature),
                validityResult(credential)),
            Json.write(json),
            credential),
        credential);
  }

  private VerificationReport unsecured(JsonNode json) {
    Validation validation = validator.validate(json);
    Optional<Credential> credential = credentialOf(validation);
    return new VerificationReport(
        List.of(
            formatResult(validation, "a VC Data Model 2.0 credential"),
            new CheckResult.Failed(
                Checks.SIGNATURE, "the credential carries no proof and is not an enveloped vc+jwt"),
            new CheckResult.Skipped(Checks.ISSUER, "without a verified signature the issuer is unproven"),
            validityResult(credential)),
        credential);
  }

  private static Optional<Credential> credentialOf(Validation validation) {
    return validation instanceof Validation.Valid valid ? Optional.of(valid.credential()) : Optional.empty();
  }

  private static CheckResult formatResult(Validation validation, String description) {
    return validation instanceof Validation.Invalid invalid
        ? new CheckResult.Failed(Checks.FORMAT, describe(invalid.errors()))
        : new CheckResult.Passed(Checks.FORMAT, description);
  }

  private static String describe(List<FieldError> errors) {
    StringBuilder text = new StringBuilder("not a valid credential: ");
    for (int i = 0; i < errors.size() && i < 10; i++) {
      FieldError error = errors.get(i);
      text.append(i == 0 ? "" : "; ").append(error.pointer().isEmpty() ? "(document)" : error.pointer());
      text.append(' ').append(error.message());
    }
    if (errors.size() > 10) {
      text.append("; and ").append(errors.size() - 10).append(" more");
    }
    return text.toString();
  }
}
