package org.saypro.dcop.core.log;

import java.util.Base64;
import java.util.Optional;

/** The lexical rules signed notes share: what a key name may be, and base64 accepted in one spelling only. */
final class NoteText {

  private NoteText() {}

  /** signed-note.md: non-empty, no Unicode spaces, no plus. Control characters are banned from the whole note. */
  static String requireKeyName(String name) {
    if (!isKeyName(name)) {
      throw new IllegalArgumentException("not a note key name (non-empty, no spaces, no '+'): " + name);
    }
    return name;
  }

  static boolean isKeyName(String name) {
    if (name == null || name.isEmpty() || name.indexOf('+') >= 0 || !isWellFormed(name)) {
      return false;
    }
    return name.codePoints().noneMatch(NoteText::isSpaceOrControl);
  }

  /** Signed notes must be valid UTF-8 without control characters other than newline. */
  static boolean isNoteText(String text) {
    return isWellFormed(text) && text.codePoints().noneMatch(c -> c < 0x20 && c != '\n');
  }

  /** A lone surrogate has no UTF-8 encoding, so a string holding one was never a valid note. */
  static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  // Go's unicode.IsSpace, which the reference implementation uses: White_Space, including U+0085 and U+00A0.
  private static boolean isSpaceOrControl(int c) {
    return c < 0x20 || c == 0x85 || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * Standard padded base64, and only its canonical spelling: Java's decoder also takes missing padding and stray
   * low bits, which would let one signature or hash be written several ways.
   */
  static Optional<byte[]> decodeBase64(String text) {
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      return Base64.getEncoder().encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
