package org.saypro.dcop.core.log;

import java.util.Objects;

/**
 * Verifies a signed checkpoint from one log: the note signature by the log's key, then the body, then the origin. A
 * checkpoint from another log signed with the same key is refused, since its size and root say nothing about ours.
 */
public final class CheckpointVerifier {

  private final NoteVerifier notes;
  private final String origin;

  public CheckpointVerifier(NoteVerifierKey key, String origin) {
    this.notes = new NoteVerifier(key);
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  /** For a log whose key name is its origin, as tlog-checkpoint recommends. */
  public CheckpointVerifier(NoteVerifierKey key) {
    this(key, key.name());
  }

  public NoteCheck<Checkpoint> verify(String note) {
    return checkpoint(notes.verify(note));
  }

  public NoteCheck<Checkpoint> verify(byte[] note) {
    return checkpoint(notes.verify(note));
  }

  private NoteCheck<Checkpoint> checkpoint(NoteCheck<String> note) {
    if (note instanceof NoteCheck.Rejected<String> rejected) {
      return new NoteCheck.Rejected<>(rejected.problem(), rejected.detail());
    }
    String text = ((NoteCheck.Verified<String>) note).value();
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.parse(text);
    } catch (IllegalArgumentException e) {
      return new NoteCheck.Rejected<>(NoteCheck.Problem.MALFORMED_CHECKPOINT, e.getMessage());
    }
    if (!checkpoint.origin().equals(origin)) {
      return new NoteCheck.Rejected<>(
          NoteCheck.Problem.WRONG_ORIGIN,
          "the checkpoint is from " + checkpoint.origin() + ", not " + origin);
    }
    return new NoteCheck.Verified<>(checkpoint);
  }
}
