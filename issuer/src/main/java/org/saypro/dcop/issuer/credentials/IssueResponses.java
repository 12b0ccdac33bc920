package org.saypro.dcop.issuer.credentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The one mapping of an issuing outcome to HTTP, for the VC API and for awards alike. */
public final class IssueResponses {

  private IssueResponses() {}

  public static MutableHttpResponse<String> of(IssueResult result, IssuerSettings settings) {
    if (result instanceof IssueResult.Invalid invalid) {
      throw new ProblemException(
          ProblemType.INVALID_CREDENTIAL, invalid.errors().size() + " field(s) are not valid", invalid.errors());
    }
    if (result instanceof IssueResult.IdempotencyKeyReused) {
      throw new ProblemException(
          ProblemType.IDEMPOTENCY_KEY_REUSED, "use a new Idempotency-Key for a different request");
    }
    if (result instanceof IssueResult.DuplicateCredentialId duplicate) {
      throw new ProblemException(
          ProblemType.DUPLICATE_CREDENTIAL_ID, "a credential with id " + duplicate.credentialId() + " was already issued");
    }
    IssueResult.Issued issued = (IssueResult.Issued) result;
    ObjectNode response = Json.newObject();
    response.set("verifiableCredential", issued.credential().responseJson());
    return HttpResponse.<String>status(HttpStatus.CREATED)
        .header("Location", settings.baseUrl() + "/credentials/" + issued.credential().uuid())
        .header("Idempotent-Replayed", Boolean.toString(issued.replayed()))
        .body(Json.writeString(response));
  }
}
