package org.saypro.dcop.core.issue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.model.Contexts;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.verify.SecuredInput;

/** An issued credential and its secured form, a VC-JOSE-COSE compact JWS. */
public record SecuredCredential(Credential credential, String compactJws) {
  public SecuredCredential {
    Objects.requireNonNull(credential, "credential");
    if (credential.id().isEmpty()) {
      throw new IllegalArgumentException("an issued credential always has an id");
    }
    if (compactJws == null || compactJws.chars().filter(c -> c == '.').count() != 2) {
      throw new IllegalArgumentException("not a compact JWS");
    }
  }

  public String id() {
    return credential.id().orElseThrow();
  }

  /** SHA-256 of the secured form: what the transparency log will commit to. */
  public byte[] sha256() {
    return Json.sha256(compactJws.getBytes(StandardCharsets.US_ASCII));
  }

  /** The VC 2.0 {@code EnvelopedVerifiableCredential} that carries the JWT as a data: URL. */
  public ObjectNode enveloped() {
    return envelope(compactJws);
  }

  public static ObjectNode envelope(String compactJws) {
    ObjectNode json = Json.newObject();
    json.put("@context", Contexts.CREDENTIALS_V2);
    json.put("id", SecuredInput.VC_JWT_DATA_PREFIX + compactJws);
    json.put("type", SecuredInput.ENVELOPED_TYPE);
    return json;
  }
}
