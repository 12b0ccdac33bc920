package org.saypro.dcop.core.log;

import java.util.Objects;
import java.util.function.Function;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.saypro.dcop.core.keys.SigningKey;

/**
 * Signs checkpoints as C2SP signed notes with the log's Ed25519 key. The key name should be the log's origin, as
 * tlog-checkpoint recommends; {@link #forOrigin} makes that the default.
 */
public final class CheckpointSigner {

  private final NoteSigner signer;

  public CheckpointSigner(NoteSigner signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  public static CheckpointSigner forOrigin(String origin, Ed25519PrivateKeyParameters privateKey) {
    return new CheckpointSigner(NoteSigner.ed25519(origin, privateKey));
  }

  /** @throws IllegalArgumentException unless the key is Ed25519 */
  public static CheckpointSigner forOrigin(String origin, SigningKey key) {
    return new CheckpointSigner(NoteSigner.ed25519(origin, key));
  }

  /** {@code sign} must return the 64-byte Ed25519 signature of its argument under {@code publicKey}'s private key. */
  public static CheckpointSigner forOrigin(String origin, byte[] publicKey, Function<byte[], byte[]> sign) {
    return new CheckpointSigner(NoteSigner.ed25519(origin, publicKey, sign));
  }

  /** The vkey to publish so that anyone can verify this log's checkpoints. */
  public NoteVerifierKey verifierKey() {
    return signer.verifierKey();
  }

  /** The signed note: the checkpoint body, a blank line and the signature line. */
  public String sign(Checkpoint checkpoint) {
    return signer.sign(Objects.requireNonNull(checkpoint, "checkpoint").body());
  }
}
