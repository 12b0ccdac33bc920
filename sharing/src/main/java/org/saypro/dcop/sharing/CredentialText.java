package org.saypro.dcop.sharing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.saypro.dcop.core.jose.CompactJws;
import org.saypro.dcop.core.json.MalformedJsonException;

/**
 * A credential as text, the way Open Badges 3.0 bakes it into images: a compact JWS (vc+jwt), or the JSON of a
 * credential secured with an embedded proof. Checked for shape only; whether it verifies is the verifier's question.
 */
public sealed interface CredentialText {

  /** The largest credential carried, in UTF-8 bytes: the compact JWS limit the verifier applies anyway. */
  int MAX_BYTES = CompactJws.MAX_LENGTH;

  String text();

  /** A compact JWS: {@code header.payload.signature}. */
  record Jws(String text) implements CredentialText {
    public Jws {
      requireSize(text);
      if (CompactJws.parse(text) instanceof CompactJws.Parsed.Malformed malformed) {
        throw new IllegalArgumentException("not a compact JWS: " + malformed.reason());
      }
    }
  }

  /** A credential's JSON object. */
  record Json(String text) implements CredentialText {
    public Json {
      requireSize(text);
      try {
        if (!org.saypro.dcop.core.json.Json.parse(text).isObject()) {
          throw new IllegalArgumentException("a credential is a JSON object");
        }
      } catch (MalformedJsonException e) {
        throw new IllegalArgumentException("not JSON: " + e.getMessage());
      }
    }
  }

  /**
   * Reads text found in a file: JSON when it starts with <code>{</code>, else a compact JWS. Surrounding white space is
   * dropped, as baked SVGs often indent it.
   *
   * @throws IllegalArgumentException saying why the text is neither
   */
  static CredentialText of(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("there is no credential text");
    }
    String stripped = text.strip();
    return stripped.startsWith("{") ? new Json(stripped) : new Jws(stripped);
  }

  /**
   * As {@link #of(String)}, from bytes that must be well-formed UTF-8.
   *
   * @throws IllegalArgumentException when they are not, or the text is neither form
   */
  static CredentialText ofUtf8(ByteBuffer utf8) {
    try {
      return of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(utf8)
          .toString());
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the text is not UTF-8");
    }
  }

  private static void requireSize(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("there is no credential text");
    }
    if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException("the credential is larger than " + MAX_BYTES + " bytes");
    }
  }
}
