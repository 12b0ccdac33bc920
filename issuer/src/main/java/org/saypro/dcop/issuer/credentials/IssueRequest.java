package org.saypro.dcop.issuer.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One credential to issue.
 *
 * @param body the VC API body: {@code {"credential": {...}, "options": {...}}}
 * @param requestHash what makes a retry "the same request" for the Idempotency-Key: normally the hash of the body; an
 *     award passes the hash of its inputs, since its credential carries fresh random salts each time
 */
public record IssueRequest(JsonNode body, Optional<String> idempotencyKey, byte[] requestHash) {
  public IssueRequest {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(requestHash, "requestHash");
  }

  JsonNode credential() {
    return body.get("credential");
  }
}
