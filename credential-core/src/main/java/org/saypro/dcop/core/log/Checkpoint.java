package org.saypro.dcop.core.log;

import java.util.Objects;

/**
 * A C2SP tlog-checkpoint: the log's origin, its tree size and the RFC 9162 root at that size. The body is the note
 * text a log signs. Extension lines are not modelled: the specification advises against them (monitors cannot audit
 * them), this log never writes them, and a verifier here rejects them rather than silently dropping signed text.
 */
public record Checkpoint(String origin, long size, Hash root) {

  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    if (origin.isEmpty() || !NoteText.isNoteText(origin) || origin.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a checkpoint origin is one non-empty line without control characters");
    }
    if (size < 0) {
      throw new IllegalArgumentException("a tree size is never negative: " + size);
    }
    Objects.requireNonNull(root, "root");
  }

  /** {@code <origin>\n<size>\n<base64 root>\n}, the exact text that is signed. */
  public String body() {
    return origin + "\n" + size + "\n" + root.base64() + "\n";
  }

  /**
   * Parses a checkpoint body as {@link #body()} writes it.
   *
   * @throws IllegalArgumentException saying which line is malformed
   */
  public static Checkpoint parse(String body) {
    Objects.requireNonNull(body, "body");
    if (!body.endsWith("\n")) {
      throw new IllegalArgumentException("a checkpoint body ends in a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new IllegalArgumentException("a checkpoint body has an origin, a size and a root hash line");
    }
    if (lines.length > 3) {
      throw new IllegalArgumentException("checkpoint extension lines are not accepted");
    }
    // No sign, no leading zero except "0" itself, and at most 19 digits so the value can be checked to fit a long.
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new IllegalArgumentException("the tree size is not a decimal without leading zeros: " + lines[1]);
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the tree size does not fit a long: " + lines[1], e);
    }
    byte[] root =
        NoteText.decodeBase64(lines[2])
            .orElseThrow(() -> new IllegalArgumentException("the root hash is not canonical base64: " + lines[2]));
    if (root.length != Hash.LENGTH) {
      throw new IllegalArgumentException("the root hash is " + root.length + " bytes, not " + Hash.LENGTH);
    }
    return new Checkpoint(lines[0], size, new Hash(root));
  }
}
