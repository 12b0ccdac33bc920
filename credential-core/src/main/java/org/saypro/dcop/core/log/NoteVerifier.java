package org.saypro.dcop.core.log;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Verifies a signed note against one trusted key, by the rules of C2SP signed-note: lines from other keys are ignored,
 * a failing line from the trusted key rejects the note, and at least one line from it must verify.
 */
public final class NoteVerifier {

  private final NoteVerifierKey key;

  public NoteVerifier(NoteVerifierKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  public NoteVerifierKey key() {
    return key;
  }

  /** Verifies a note as received; bytes that are not strict UTF-8 are a malformed note. */
  public NoteCheck<String> verify(byte[] note) {
    Objects.requireNonNull(note, "note");
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(note))
              .toString();
      return verify(text);
    } catch (CharacterCodingException e) {
      return new NoteCheck.Rejected<>(NoteCheck.Problem.MALFORMED_NOTE, "the note is not valid UTF-8");
    }
  }

  /** On success the value is the signed text: only that part may be trusted, never the signature lines. */
  public NoteCheck<String> verify(String note) {
    Objects.requireNonNull(note, "note");
    SignedNote parsed;
    try {
      parsed = SignedNote.parse(note);
    } catch (IllegalArgumentException e) {
      return new NoteCheck.Rejected<>(NoteCheck.Problem.MALFORMED_NOTE, e.getMessage());
    }
    byte[] message = parsed.text().getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (NoteSignature signature : parsed.signatures()) {
      if (!signature.isFrom(key)) {
        continue;
      }
      found = true;
      if (!key.verifies(message, signature.signature())) {
        return new NoteCheck.Rejected<>(
            NoteCheck.Problem.BAD_SIGNATURE, "the signature from " + key.name() + "+" + key.keyIdHex() + " is wrong");
      }
    }
    if (!found) {
      return new NoteCheck.Rejected<>(
          NoteCheck.Problem.NO_SIGNATURE_FROM_KEY, "no signature from " + key.name() + "+" + key.keyIdHex());
    }
    return new NoteCheck.Verified<>(parsed.text());
  }
}
