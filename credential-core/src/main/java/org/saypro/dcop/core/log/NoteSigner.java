package org.saypro.dcop.core.log;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;

/**
 * Signs note text with an Ed25519 key under a key name. The private key may stay behind a function (an HSM, a sealed
 * {@link SigningKey}); only its public half and the name are needed to say who signed.
 */
public final class NoteSigner {

  private final NoteVerifierKey verifierKey;
  private final Function<byte[], byte[]> sign;

  private NoteSigner(NoteVerifierKey verifierKey, Function<byte[], byte[]> sign) {
    this.verifierKey = Objects.requireNonNull(verifierKey, "verifierKey");
    this.sign = Objects.requireNonNull(sign, "sign");
  }

  /** {@code sign} must return the 64-byte Ed25519 signature of its argument under {@code publicKey}'s private key. */
  public static NoteSigner ed25519(String keyName, byte[] publicKey, Function<byte[], byte[]> sign) {
    return new NoteSigner(new NoteVerifierKey(keyName, publicKey), sign);
  }

  public static NoteSigner ed25519(String keyName, Ed25519PrivateKeyParameters privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    return ed25519(
        keyName,
        privateKey.generatePublicKey().getEncoded(),
        message -> {
          Ed25519Signer signer = new Ed25519Signer();
          signer.init(true, privateKey);
          signer.update(message, 0, message.length);
          return signer.generateSignature();
        });
  }

  /** @throws IllegalArgumentException unless the key is Ed25519 */
  public static NoteSigner ed25519(String keyName, SigningKey key) {
    Objects.requireNonNull(key, "key");
    if (key.algorithm() != KeyAlgorithm.ED25519
        || !(key.publicJwk() instanceof OctetKeyPair okp)
        || !Curve.Ed25519.equals(okp.getCurve())) {
      throw new IllegalArgumentException("note signatures here are Ed25519; " + key + " is not");
    }
    return ed25519(keyName, okp.getX().decode(), key::signRaw);
  }

  public NoteVerifierKey verifierKey() {
    return verifierKey;
  }

  /** This key's signature line for {@code text}, to add to a note (as a witness adds a cosignature). */
  public NoteSignature signature(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty() || !text.endsWith("\n") || !NoteText.isNoteText(text)) {
      throw new IllegalArgumentException("note text is non-empty UTF-8 ending in a newline, with no other controls");
    }
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    byte[] signature = sign.apply(message);
    // A signing function paired with the wrong public key would publish notes nobody can verify; catch it here.
    if (signature == null || !verifierKey.verifies(message, signature)) {
      throw new IllegalStateException("the signing function does not sign for " + verifierKey.encoded());
    }
    return new NoteSignature(verifierKey.name(), verifierKey.keyId(), signature);
  }

  /** The signed note: {@code text}, a blank line, and this key's signature line. */
  public String sign(String text) {
    return new SignedNote(text, List.of(signature(text))).encoded();
  }
}
