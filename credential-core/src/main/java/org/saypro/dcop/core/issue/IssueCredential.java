package org.saypro.dcop.core.issue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.time.Clock;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.dataintegrity.ProofOptions;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.openbadges.OpenBadges;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.core.validation.Validation;

/**
 * Issue pipeline: read options, give the credential an id if it has none (and an Open Badge its schema reference),
 * validate, then secure it as vc+jwt or with a Data Integrity proof.
 */
public final class IssueCredential {

  private final CredentialValidator validator;
  private final DataIntegrity dataIntegrity;
  private final IssueOptions defaults;
  private final Clock clock;

  public IssueCredential(CredentialValidator validator) {
    this(validator, new DataIntegrity(RdfCanonicalizer.bundled()), IssueOptions.DEFAULT, Clock.systemUTC());
  }

  /** @param defaults how to secure a credential when the request does not say */
  public IssueCredential(
      CredentialValidator validator, DataIntegrity dataIntegrity, IssueOptions defaults, Clock clock) {
    this.validator = validator;
    this.dataIntegrity = dataIntegrity;
    this.defaults = defaults;
    this.clock = clock;
  }

  /**
   * Leaves {@code credential} as it is, and the issued credential shares no node with it, so a caller may hand in a
   * shallow copy of its own document.
   *
   * @param keys the issuer's signing key for each algorithm
   * @param newId supplies the id of a credential that has none
   */
  public IssueOutcome issue(
      JsonNode credential, JsonNode options, Function<KeyAlgorithm, SigningKey> keys, Supplier<String> newId) {
    List<FieldError> errors = new ArrayList<>();
    IssueOptions.Parsed parsed = IssueOptions.parse(options, defaults);
    parsed.errors().forEach(e -> errors.add(e.under("/options")));
    if (credential == null || !credential.isObject()) {
      errors.add(new FieldError("/credential", "is required and must be a JSON object"));
      return new IssueOutcome.Rejected(errors);
    }
    if (credential.has("proof")) {
      errors.add(new FieldError("/credential/proof", "must not be present: the issuer adds the proof"));
    }
    ObjectNode withId = credential.has("id") ? (ObjectNode) credential.deepCopy() : withId((ObjectNode) credential, newId.get());
    if (OpenBadges.isOpenBadge(withId)) {
      OpenBadges.addSchemaReference(withId);
    }
    Validation validation = validator.validate(withId);
    if (validation instanceof Validation.Invalid invalid) {
      invalid.errors().forEach(e -> errors.add(e.under("/credential")));
    }
    if (!errors.isEmpty()) {
      return new IssueOutcome.Rejected(errors);
    }
    var valid = ((Validation.Valid) validation).credential();
    IssueOptions.Securing securing = parsed.options().orElseThrow().securing();
    SigningKey key = keys.apply(securing.keyAlgorithm());
    if (!valid.issuer().id().equals(key.controller())) {
      return new IssueOutcome.Rejected(
          List.of(new FieldError("/credential/issuer", "this service issues only as " + key.controller())));
    }
    if (securing instanceof IssueOptions.Securing.Proof proof) {
      return secureWithProof(valid, key, proof);
    }
    return new IssueOutcome.Issued(new SecuredCredential.VcJwt(valid, VcJwtSigner.sign(valid, key)));
  }

  private IssueOutcome secureWithProof(Credential credential, SigningKey key, IssueOptions.Securing.Proof proof) {
    try {
      ObjectNode secured =
          dataIntegrity.sign(
              credential.json(),
              key,
              ProofOptions.assertion(proof.cryptosuite(), key.multikeyVerificationMethodId(), clock.instant()));
      return new IssueOutcome.Issued(new SecuredCredential.WithProof(credential, secured));
    } catch (CanonicalizationException e) {
      return new IssueOutcome.Rejected(
          List.of(new FieldError("/credential", "cannot be secured as JSON-LD: " + e.getMessage())));
    }
  }

  /** A copy with {@code id} placed right after {@code @context}, where people expect to read it. */
  private static ObjectNode withId(ObjectNode credential, String id) {
    ObjectNode copy = Json.newObject();
    if (credential.has("@context")) {
      copy.set("@context", credential.get("@context").deepCopy());
    }
    copy.put("id", id);
    for (var fields = credential.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("@context")) {
        copy.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return copy;
  }
}
