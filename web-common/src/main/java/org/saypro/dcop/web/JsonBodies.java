package org.saypro.dcop.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.json.MalformedJsonException;

/**
 * Reads request bodies with the domain's hardened JSON reader (duplicate keys refused, depth bounded) and a size
 * limit, answering with a problem instead of an exception.
 */
public final class JsonBodies {
  private JsonBodies() {}

  public static JsonNode readObject(byte[] body, int maxBytes) {
    if (body == null || body.length == 0) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the request body is empty; send a JSON object");
    }
    if (body.length > maxBytes) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE, "the request body is " + body.length + " bytes; the limit is " + maxBytes);
    }
    JsonNode node;
    try {
      node = Json.parse(body);
    } catch (MalformedJsonException e) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, e.getMessage());
    }
    if (!node.isObject()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the request body must be a JSON object");
    }
    return node;
  }
}
