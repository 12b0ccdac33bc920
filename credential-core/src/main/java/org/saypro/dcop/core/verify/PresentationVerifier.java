package org.saypro.dcop.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.dataintegrity.ProofOptions;
import org.saypro.dcop.core.did.ResolveDid;
import org.saypro.dcop.core.jose.CompactJws;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.json.MalformedJsonException;
import org.saypro.dcop.core.model.Contexts;
import org.saypro.dcop.core.model.CredentialSubject;
import org.saypro.dcop.core.model.Urls;

/**
 * Verifies a verifiable presentation: its own proof (a Data Integrity proof with purpose authentication, or a
 * vp+jwt), the requested challenge and domain, that the holder signed it and is the subject of every credential,
 * and every contained credential with its own checks.
 */
public final class PresentationVerifier {

  public static final String CHALLENGE = "challenge";
  public static final String HOLDER = "holder";
  public static final int MAX_CREDENTIALS = 50;
  static final String VP_JWT_DATA_PREFIX = "data:application/vp+jwt,";
  static final String VP_JWT = "vp+jwt";

  private final CredentialVerifier credentialVerifier;
  private final JwsSignatureCheck jwsCheck;
  private final DataIntegritySignatureCheck dataIntegrityCheck;

  public PresentationVerifier(CredentialVerifier credentialVerifier, ResolveDid resolveDid, DataIntegrity dataIntegrity) {
    this.credentialVerifier = credentialVerifier;
    this.jwsCheck = new JwsSignatureCheck(resolveDid);
    this.dataIntegrityCheck = new DataIntegritySignatureCheck(resolveDid, dataIntegrity);
  }

  /** The forms a presentation arrives in; empty when the input is not a presentation at all. */
  public static Optional<Object> classify(JsonNode input) {
    if (input == null) {
      return Optional.empty();
    }
    if (input.isTextual()) {
      String text = input.textValue().strip();
      text = text.startsWith(VP_JWT_DATA_PREFIX) ? text.substring(VP_JWT_DATA_PREFIX.length()) : text;
      return text.chars().filter(c -> c == '.').count() == 2 ? Optional.of(text) : Optional.empty();
    }
    if (!input.isObject()) {
      return Optional.empty();
    }
    if (input.path("type").toString().contains("EnvelopedVerifiablePresentation")) {
      String id = input.path("id").asText("");
      return id.startsWith(VP_JWT_DATA_PREFIX)
          ? Optional.of(id.substring(VP_JWT_DATA_PREFIX.length()))
          : Optional.empty();
    }
    return input.has("@context") || input.has("type") ? Optional.of(input) : Optional.empty();
  }

  /** @param presentation what {@link #classify} returned: a compact JWS string or a JSON presentation */
  public PresentationReport verify(Object presentation, PresentationOptions options) {
    if (presentation instanceof String compact) {
      return verifyJwt(compact, options);
    }
    ObjectNode json = (ObjectNode) presentation;
    boolean signed = json.has("proof");
    SignatureOutcome signature =
        signed
            ? dataIntegrityCheck.check(json, ProofOptions.AUTHENTICATION)
            : new SignatureOutcome(
                new CheckResult.Skipped(Checks.SIGNATURE, "the presentation is not signed"),
                Optional.empty(), Optional.empty());
    JsonNode proof = json.path("proof").isArray() ? json.path("proof").path(0) : json.path("proof");
    Presented presented =
        signed ? new Presented(text(proof, "challenge"), text(proof, "domain").map(List::of).orElse(List.of())) : null;
    return assemble(json, signature, presented, options);
  }

  private PresentationReport verifyJwt(String compact, PresentationOptions options) {
    CompactJws.Parsed parsed = CompactJws.parse(compact);
    if (parsed instanceof CompactJws.Parsed.Malformed malformed) {
      return unreadable("not a compact JWS: " + malformed.reason());
    }
    CompactJws jws = ((CompactJws.Parsed.Jws) parsed).jws();
    JsonNode payload;
    try {
      payload = Json.parse(jws.payload());
    } catch (MalformedJsonException e) {
      return unreadable("the JWT payload is not JSON");
    }
    if (!payload.isObject()) {
      return unreadable("the JWT payload is not a JSON object");
    }
    Optional<String> type = jws.headerString("typ");
    if (type.isPresent() && !type.get().equals(VP_JWT) && !type.get().equals("application/" + VP_JWT)) {
      return unreadable("the JOSE header typ is '" + type.get() + "', not vp+jwt");
    }
    Optional<String> holder = text(payload, "holder");
    SignatureOutcome signature = jwsCheck.check(jws, holder);
    List<String> audience = new ArrayList<>();
    JsonNode aud = payload.get("aud");
    if (aud != null && aud.isTextual()) {
      audience.add(aud.textValue());
    } else if (aud != null && aud.isArray()) {
      aud.forEach(a -> audience.add(a.asText()));
    }
    return assemble((ObjectNode) payload, signature, new Presented(text(payload, "nonce"), audience), options);
  }

  /** The challenge and domains a signed presentation answers (null when it is not signed). */
  private record Presented(Optional<String> challenge, List<String> domains) {}

  private PresentationReport assemble(
      ObjectNode vp, SignatureOutcome signature, Presented presented, PresentationOptions options) {
    List<String> formatErrors = new ArrayList<>();
    List<VerificationReport> credentials = new ArrayList<>();
    checkStructure(vp, formatErrors);
    JsonNode contained = vp.get("verifiableCredential");
    List<JsonNode> items = new ArrayList<>();
    if (contained != null && contained.isArray()) {
      contained.forEach(items::add);
    } else if (contained != null) {
      items.add(contained);
    }
    if (items.size() > MAX_CREDENTIALS) {
      formatErrors.add("more than " + MAX_CREDENTIALS + " credentials");
      items = items.subList(0, 0);
    }
    for (int i = 0; i < items.size(); i++) {
      Optional<SecuredInput> input = SecuredInput.classify(items.get(i));
      if (input.isEmpty()) {
        formatErrors.add("verifiableCredential/" + i + " is not a credential");
      } else {
        credentials.add(credentialVerifier.verify(input.get()));
      }
    }
    CheckResult format =
        formatErrors.isEmpty()
            ? new CheckResult.Passed(Checks.FORMAT, "a VC Data Model 2.0 presentation with " + credentials.size()
                + " credential(s)")
            : new CheckResult.Failed(Checks.FORMAT, "not a valid presentation: " + String.join("; ", formatErrors));
    return new PresentationReport(
        List.of(
            format,
            signature.result(),
            challengeResult(presented, options),
            holderResult(vp, signature, credentials, options, presented != null)),
        credentials);
  }

  private static void checkStructure(ObjectNode vp, List<String> errors) {
    JsonNode context = vp.get("@context");
    String first = context == null ? "" : context.isArray() ? context.path(0).asText() : context.asText();
    if (!Contexts.CREDENTIALS_V2.equals(first)) {
      errors.add("@context must start with " + Contexts.CREDENTIALS_V2);
    }
    if (context != null && context.isArray()) {
      for (int i = 1; i < context.size(); i++) {
        if (!context.get(i).isTextual() || !Contexts.isAcceptedExtension(context.get(i).asText())) {
          errors.add("@context/" + i + " is not a bundled context (contexts are never fetched)");
        }
      }
    }
    if (!vp.path("type").toString().contains("\"VerifiablePresentation\"")
        && !"VerifiablePresentation".equals(vp.path("type").asText())) {
      errors.add("type must include VerifiablePresentation");
    }
    JsonNode holder = vp.get("holder");
    if (holder != null && !(holder.isTextual() && Urls.isAbsolute(holder.textValue()))) {
      errors.add("holder must be a URL");
    }
  }

  private static CheckResult challengeResult(Presented presented, PresentationOptions options) {
    if (options.challenge().isEmpty() && options.domain().isEmpty()) {
      return new CheckResult.Skipped(CHALLENGE, "no challenge or domain was requested");
    }
    if (options.challengeRefusal().isPresent()) {
      return new CheckResult.Failed(CHALLENGE, options.challengeRefusal().get());
    }
    if (presented == null) {
      return new CheckResult.Failed(CHALLENGE, "an unsigned presentation cannot answer a challenge");
    }
    if (options.challenge().isPresent() && !options.challenge().equals(presented.challenge())) {
      return new CheckResult.Failed(CHALLENGE, "the presentation answers another challenge than the one requested");
    }
    if (options.domain().isPresent() && !presented.domains().contains(options.domain().get())) {
      return new CheckResult.Failed(CHALLENGE, "the presentation is for another domain than " + options.domain().get());
    }
    return new CheckResult.Passed(CHALLENGE, "the presentation answers the requested challenge and domain");
  }

  private static CheckResult holderResult(
      ObjectNode vp,
      SignatureOutcome signature,
      List<VerificationReport> credentials,
      PresentationOptions options,
      boolean signed) {
    if (!signed) {
      return new CheckResult.Skipped(HOLDER, "the presentation is not signed, so its holder is unproven");
    }
    if (signature.keyId().isEmpty() || signature.signerDocument().isEmpty()) {
      return new CheckResult.Skipped(HOLDER, "the signing key was not looked up, because the signature was refused");
    }
    Optional<String> holder = text(vp, "holder");
    if (holder.isEmpty()) {
      return new CheckResult.Failed(HOLDER, "the presentation names no holder");
    }
    String keyId = signature.keyId().get();
    if (!keyId.startsWith(holder.get() + "#")) {
      return new CheckResult.Failed(HOLDER, "signed with key " + keyId + ", which does not belong to the holder "
          + holder.get());
    }
    if (!signature.signerDocument().get().mayAuthenticate(keyId)) {
      return new CheckResult.Failed(HOLDER, "key " + keyId + " is not listed for authentication by the holder");
    }
    if (options.holderBinding()) {
      for (int i = 0; i < credentials.size(); i++) {
        VerificationReport report = credentials.get(i);
        if (report.credential().isEmpty()) {
          return new CheckResult.Failed(HOLDER, "credential " + i + " could not be read, so its subject is unknown");
        }
        boolean about = report.credential().get().subjects().stream()
            .map(CredentialSubject::id)
            .anyMatch(id -> id.isPresent() && id.get().equals(holder.get()));
        if (!about) {
          return new CheckResult.Failed(HOLDER, "credential " + i + " is not about the holder " + holder.get());
        }
      }
    }
    return new CheckResult.Passed(
        HOLDER,
        "key " + keyId + " is an authentication key of the holder " + holder.get()
            + (options.holderBinding() ? ", the subject of every credential" : " (holder binding not requested)"));
  }

  private static PresentationReport unreadable(String reason) {
    return new PresentationReport(
        List.of(
            new CheckResult.Failed(Checks.FORMAT, reason),
            new CheckResult.Skipped(Checks.SIGNATURE, "there is no readable presentation to check"),
            new CheckResult.Skipped(CHALLENGE, "there is no readable presentation to check"),
            new CheckResult.Skipped(HOLDER, "there is no readable presentation to check")),
        List.of());
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }
}
