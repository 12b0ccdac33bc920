package org.saypro.dcop.core.log;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP signed note: text ending in a newline, a blank line, then signature lines. Parsing checks the form only;
 * {@link NoteVerifier} decides which signatures count.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

  /** signed-note.md asks verifiers to accept at least 16; the reference implementation stops at 100. */
  public static final int MAX_SIGNATURES = 100;

  public SignedNote {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty() || !text.endsWith("\n") || !NoteText.isNoteText(text)) {
      throw new IllegalArgumentException("note text is non-empty UTF-8 ending in a newline, with no other controls");
    }
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException(
          "a signed note carries 1 to " + MAX_SIGNATURES + " signatures, not " + signatures.size());
    }
  }

  /**
   * Parses the form of a signed note; no signature is verified.
   *
   * @throws IllegalArgumentException saying what is malformed
   */
  public static SignedNote parse(String note) {
    Objects.requireNonNull(note, "note");
    if (!NoteText.isNoteText(note)) {
      throw new IllegalArgumentException("a signed note is UTF-8 with no control characters other than newline");
    }
    // The text may hold blank lines of its own; only the last blank line separates the signatures.
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException("no blank line before the signatures");
    }
    String text = note.substring(0, split + 1);
    String block = note.substring(split + 2);
    if (block.isEmpty() || !block.endsWith("\n")) {
      throw new IllegalArgumentException("the signature block is empty or does not end in a newline");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      if (signatures.size() == MAX_SIGNATURES) {
        throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
      }
      signatures.add(parseLine(line));
    }
    return new SignedNote(text, signatures);
  }

  private static NoteSignature parseLine(String line) {
    if (!line.startsWith(NoteSignature.LINE_PREFIX)) {
      throw new IllegalArgumentException("a signature line starts with an em dash and a space: " + line);
    }
    String rest = line.substring(NoteSignature.LINE_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("a signature line is '— <key name> <base64>': " + line);
    }
    String name = rest.substring(0, space);
    if (!NoteText.isKeyName(name)) {
      throw new IllegalArgumentException("not a key name: " + name);
    }
    byte[] payload =
        NoteText.decodeBase64(rest.substring(space + 1))
            .orElseThrow(() -> new IllegalArgumentException("the signature is not canonical base64: " + line));
    if (payload.length < 5) {
      throw new IllegalArgumentException("a signature is a 4-byte key ID and at least one byte: " + line);
    }
    return new NoteSignature(name, ByteBuffer.wrap(payload).getInt(), Arrays.copyOfRange(payload, 4, payload.length));
  }

  /** The note as text: the signed text, a blank line, then one line per signature. */
  public String encoded() {
    StringBuilder out = new StringBuilder(text).append('\n');
    signatures.forEach(s -> out.append(s.line()));
    return out.toString();
  }
}
