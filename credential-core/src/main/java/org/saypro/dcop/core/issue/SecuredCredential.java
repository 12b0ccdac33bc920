package org.saypro.dcop.core.issue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.model.Contexts;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.verify.SecuredInput;

/** An issued credential in its secured form: a vc+jwt, or the credential with an embedded Data Integrity proof. */
public sealed interface SecuredCredential {

  Credential credential();

  /** What is stored and what the transparency log will commit to: the JWT, or the JSON document with its proof. */
  String securedForm();

  /** {@code vc+jwt} or {@code di}: how {@link #securedForm()} is to be read. */
  String format();

  /** The VC API representation: an EnvelopedVerifiableCredential, or the document with its proof. */
  ObjectNode responseJson();

  default String id() {
    return credential().id().orElseThrow();
  }

  /** SHA-256 of the secured form's UTF-8 bytes. */
  default byte[] sha256() {
    return Json.sha256(securedForm().getBytes(StandardCharsets.UTF_8));
  }

  private static void requireId(Credential credential) {
    Objects.requireNonNull(credential, "credential");
    if (credential.id().isEmpty()) {
      throw new IllegalArgumentException("an issued credential always has an id");
    }
  }

  /** The VC 2.0 {@code EnvelopedVerifiableCredential} that carries a JWT as a data: URL. */
  static ObjectNode envelope(String compactJws) {
    ObjectNode json = Json.newObject();
    json.put("@context", Contexts.CREDENTIALS_V2);
    json.put("id", SecuredInput.VC_JWT_DATA_PREFIX + compactJws);
    json.put("type", SecuredInput.ENVELOPED_TYPE);
    return json;
  }

  /** Rebuilds the VC API representation from a stored secured form. */
  static ObjectNode responseJson(String format, String securedForm) {
    return VcJwt.FORMAT.equals(format) ? envelope(securedForm) : (ObjectNode) Json.parse(securedForm);
  }

  record VcJwt(Credential credential, String compactJws) implements SecuredCredential {
    public static final String FORMAT = "vc+jwt";

    public VcJwt {
      requireId(credential);
      int first = compactJws == null ? -1 : compactJws.indexOf('.');
      int second = first < 0 ? -1 : compactJws.indexOf('.', first + 1);
      // indexOf, not a stream over every character: a bulk issuance checks thousands of 2 KB tokens a second
      if (second < 0 || compactJws.indexOf('.', second + 1) >= 0) {
        throw new IllegalArgumentException("not a compact JWS");
      }
    }

    @Override
    public String securedForm() {
      return compactJws;
    }

    @Override
    public String format() {
      return FORMAT;
    }

    @Override
    public ObjectNode responseJson() {
      return envelope(compactJws);
    }

    public ObjectNode enveloped() {
      return envelope(compactJws);
    }
  }

  record WithProof(Credential credential, ObjectNode document) implements SecuredCredential {
    public static final String FORMAT = "di";

    public WithProof {
      requireId(credential);
      if (document == null || !document.has("proof")) {
        throw new IllegalArgumentException("a Data Integrity secured credential carries a proof");
      }
    }

    @Override
    public String securedForm() {
      return Json.writeString(document);
    }

    @Override
    public String format() {
      return FORMAT;
    }

    @Override
    public ObjectNode responseJson() {
      return document.deepCopy();
    }
  }
}
