package org.saypro.dcop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.status.Bitstring;
import org.saypro.dcop.core.status.EncodedList;
import org.saypro.dcop.core.status.EncodedListException;

/**
 * A status list as the issuer stored it at its last build: the two bodies {@code GET /status/{listId}} serves, byte
 * for byte (JSON with a Data Integrity proof, and vc+jwt), and their bits, decoded with credential-core as a verifier
 * would. Both forms must carry the same bits.
 */
record StoredList(String diJson, String vcJwt, String encodedList, Bitstring bits) {

  static StoredList read(EmbeddedIssuer issuer, String listId) {
    String[] forms = issuer.transactions.executeRead(status -> {
      try (var query = status.getConnection().prepareStatement(
          "select di_json, vc_jwt from status_list where list_id = ?")) {
        query.setString(1, listId);
        try (var row = query.executeQuery()) {
          if (!row.next() || row.getString(1) == null) {
            throw new IllegalStateException("status list " + listId + " was never built");
          }
          return new String[] {row.getString(1), row.getString(2)};
        }
      }
    });
    String encoded = encodedList(Json.parse(forms[0]));
    String fromJwt = encodedList(Json.parse(Base64.getUrlDecoder().decode(forms[1].split("\\.")[1])));
    if (!encoded.equals(fromJwt)) {
      throw new IllegalStateException("the two forms of " + listId + " carry different lists");
    }
    try {
      return new StoredList(forms[0], forms[1], encoded, EncodedList.standard().decode(encoded));
    } catch (EncodedListException e) {
      throw new IllegalStateException("the stored list " + listId + " does not decode", e);
    }
  }

  private static String encodedList(JsonNode credential) {
    return credential.path("credentialSubject").path("encodedList").asText();
  }

  /** Bytes of the JSON body ({@code application/vc}). */
  int diJsonBytes() {
    return diJson.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Bytes of the vc+jwt body ({@code application/vc+jwt}). */
  int vcJwtBytes() {
    return vcJwt.getBytes(StandardCharsets.UTF_8).length;
  }
}
